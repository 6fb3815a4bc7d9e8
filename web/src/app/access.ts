import type { Role } from '@lantu/core';

/** Business roles that read plans and indicators (enterprise and the three administrators do not). */
const PLAN_READERS = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer'] as const satisfies readonly Role[];

/** Which roles may open which screen; the menu shows only these, the routes enforce them. */
export const ACCESS = {
  home: null,
  plans: PLAN_READERS,
  projects: PLAN_READERS,
  /** My reports: the units' reporters and heads. */
  reports: ['reporter', 'unit_head'],
  /** Reporting cycles: the office runs them, leaders watch. */
  cycles: ['office', 'leader'],
  /** Outbound notification channels and the delivery outbox. */
  channels: ['office', 'sysadmin'],
  notifications: null,
  units: ['sysadmin'],
  users: ['sysadmin', 'secadmin'],
  security: ['secadmin'],
  audit: ['auditor'],
  profile: null,
} as const satisfies Record<string, readonly Role[] | null>;

export type Screen = keyof typeof ACCESS;

/** One unit report: whoever reads reports (the server limits unit staff to their own units'). */
export const REPORT_READERS = PLAN_READERS;

export const PATHS: Record<Screen, string> = {
  home: '/',
  plans: '/plans',
  projects: '/projects',
  reports: '/reports',
  cycles: '/cycles',
  channels: '/settings/channels',
  notifications: '/notifications',
  units: '/admin/units',
  users: '/admin/users',
  security: '/admin/security',
  audit: '/admin/audit',
  profile: '/profile',
};

/** Who may change what (the server enforces the same; the UI only hides what would be refused). */
export const WRITERS = {
  /** Until the reporting workflow lands, the office (目标办) builds plans and records values. */
  plans: ['office'],
} as const satisfies Record<string, readonly Role[]>;
