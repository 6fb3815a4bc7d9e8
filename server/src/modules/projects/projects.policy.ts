import type { Role } from '@lantu/core';
import { type AuthContext, unitsWithRole } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { PLAN_READERS } from '../plans/plans.routes.js';

/** Business roles that read the project registry (the same people who read plans). */
export const PROJECT_READERS: readonly Role[] = PLAN_READERS;
/** Roles that may do project work; for unit staff the service then checks the unit concerned. */
export const PROJECT_WORKERS: readonly Role[] = ['office', 'unit_head', 'reporter'];

/** What a user may work on: everything (the office) or the projects of the units where they are staff. */
export interface ProjectScope {
  office: boolean;
  /** Units where the user holds unit_head or reporter. */
  unitIds: string[];
}

/** The project scope of a signed-in user. */
export function scopeOf(auth: AuthContext): ProjectScope {
  return { office: auth.roles.has('office'), unitIds: unitsWithRole(auth, ['unit_head', 'reporter']) };
}

/**
 * The office works on every project; unit staff only on those their unit leads (or, for problems, owns).
 * @throws AppError forbidden
 */
export function assertCanWorkOn(scope: ProjectScope, leadUnitId: string | null): void {
  if (scope.office) return;
  if (leadUnitId !== null && scope.unitIds.includes(leadUnitId)) return;
  throw new AppError('forbidden');
}
