import type { Role } from '@lantu/core';

/** Which roles may open which screen; the menu shows only these, the routes enforce them. */
export const ACCESS = {
  home: null,
  units: ['sysadmin'],
  users: ['sysadmin', 'secadmin'],
  security: ['secadmin'],
  audit: ['auditor'],
  profile: null,
} as const satisfies Record<string, readonly Role[] | null>;

export type Screen = keyof typeof ACCESS;

export const PATHS: Record<Screen, string> = {
  home: '/',
  units: '/admin/units',
  users: '/admin/users',
  security: '/admin/security',
  audit: '/admin/audit',
  profile: '/profile',
};
