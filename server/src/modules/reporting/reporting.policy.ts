import type { Role } from '@lantu/core';
import type { AuthContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** Who may see and act on which unit reports. Unit roles count only in their own unit. */

export const READ_ROLES: readonly Role[] = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer'];
export const OFFICE: readonly Role[] = ['office'];
/** A unit's own report work: its reporters and head (the service checks the unit). */
export const UNIT_STAFF: readonly Role[] = ['unit_head', 'reporter'];
export const UNIT_HEAD: readonly Role[] = ['unit_head'];
export const RETURNERS: readonly Role[] = ['unit_head', 'office'];

/** Relative change from last month beyond which a value is flagged as a jump (±50 %), until a zone setting exists. */
export const DEFAULT_JUMP_BAND = 0.5;

export interface ReportScope {
  userId: string;
  /** The office acts on every report. */
  office: boolean;
  /** The office and leaders read every report; everyone else only their own units'. */
  seesAll: boolean;
  /** Unit → the unit roles (reporter, unit_head) the user holds there. */
  unitRoles: Map<string, Set<Role>>;
}

/** The reporting scope of a signed-in user. */
export function reportScopeOf(auth: AuthContext): ReportScope {
  const unitRoles = new Map<string, Set<Role>>();
  for (const g of auth.grants) {
    if (UNIT_STAFF.includes(g.role)) (unitRoles.get(g.unitId) ?? unitRoles.set(g.unitId, new Set()).get(g.unitId)!).add(g.role);
  }
  return { userId: auth.userId, office: auth.roles.has('office'), seesAll: auth.roles.has('office') || auth.roles.has('leader'), unitRoles };
}

/** Units whose reports the user works on as reporter or unit head. */
export const staffUnits = (scope: ReportScope): string[] => [...scope.unitRoles.keys()];

/** The roles that count for a report of `unitId`: the user's unit roles there, plus the office's. */
export function rolesFor(scope: ReportScope, unitId: string): Set<Role> {
  const roles = new Set<Role>(scope.unitRoles.get(unitId) ?? []);
  if (scope.office) roles.add('office');
  return roles;
}

/**
 * Reading a report: the office and leaders read all, unit staff their own units' reports.
 * @throws AppError forbidden
 */
export function assertCanRead(scope: ReportScope, unitId: string): void {
  if (!scope.seesAll && !scope.unitRoles.has(unitId)) throw new AppError('forbidden');
}

/**
 * Acting on a report: the office, or staff of the report's own unit.
 * @throws AppError forbidden
 */
export function assertCanAct(scope: ReportScope, unitId: string): void {
  if (!scope.office && !scope.unitRoles.has(unitId)) throw new AppError('forbidden');
}

/**
 * Editing lines and evidence: only the unit's own staff (the office reviews, it does not fill in).
 * @throws AppError forbidden
 */
export function assertStaff(scope: ReportScope, unitId: string): void {
  if (!scope.unitRoles.has(unitId)) throw new AppError('forbidden');
}
