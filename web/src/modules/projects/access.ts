import type { MeResponse, Problem, Project } from '@lantu/core';

type Me = Pick<MeResponse, 'roles' | 'memberships'>;

/** Roles inside a unit that report for it (project progress, problems, stage moves). */
const UNIT_STAFF = new Set(['unit_head', 'reporter']);

export function isOffice(me: Me): boolean {
  return me.roles.includes('office');
}

/** Units in which the user is unit_head or reporter (their grants). */
export function staffUnits(me: Me): string[] {
  return [...new Set(me.memberships.filter((m) => UNIT_STAFF.has(m.role)).map((m) => m.unitId))];
}

export function isStaffOf(me: Me, unitId: string | null): boolean {
  return unitId !== null && staffUnits(me).includes(unitId);
}

/**
 * What the user may do on a project; the server checks the same rules, the UI only hides what
 * would be refused.
 */
export function projectRights(me: Me, project: Pick<Project, 'leadUnitId'>) {
  const office = isOffice(me);
  const lead = isStaffOf(me, project.leadUnitId);
  return {
    /** Edit or delete the registry entry, step back a stage. */
    manage: office,
    /** Advance the stage, record progress and photos, raise and edit problems. */
    report: office || lead,
  };
}

/** What the user may do on a problem: `leadStaff` says whether they work in the project's lead unit (when known). */
export function problemRights(me: Me, problem: Pick<Problem, 'ownerUnitId' | 'state'>, leadStaff: boolean) {
  const office = isOffice(me);
  return {
    edit: (office || leadStaff) && problem.state !== 'closed',
    resolve: (office || isStaffOf(me, problem.ownerUnitId)) && problem.state === 'open',
    close: office && problem.state === 'resolved',
    reopen: office && problem.state !== 'open',
  };
}
