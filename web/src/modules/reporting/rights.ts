import { EDITABLE_STATES, type MeResponse, type ReportAction, type Role, type UnitReport, transitionRefusal } from '@lantu/core';

type Me = Pick<MeResponse, 'roles' | 'memberships'>;

const UNIT_STAFF: readonly Role[] = ['reporter', 'unit_head'];

/** The roles that count for a report of `unitId`: the user's unit roles there, plus the office's (as the server's rolesFor). */
export function rolesFor(me: Me, unitId: string): Set<Role> {
  const roles = new Set<Role>(me.memberships.filter((m) => m.unitId === unitId && UNIT_STAFF.includes(m.role)).map((m) => m.role));
  if (me.roles.includes('office')) roles.add('office');
  return roles;
}

export function isOffice(me: Me): boolean {
  return me.roles.includes('office');
}

/** Whether the user heads the report's unit (what awaits their approval). */
export function headsUnit(me: Me, unitId: string): boolean {
  return me.memberships.some((m) => m.unitId === unitId && m.role === 'unit_head');
}

export interface ReportRights {
  /** Fill in lines, evidence and the workbook: the unit's own staff while the report is editable. */
  edit: boolean;
  submit: boolean;
  approve: boolean;
  /** Opens the review mode (line checkboxes with reasons). */
  return: boolean;
  accept: boolean;
  reopen: boolean;
}

/**
 * What the user may do on a report now; the server checks the same (core transitionRefusal, the
 * cycle's lock, unit membership), the UI only hides what would be refused.
 */
export function reportRights(me: Me, report: Pick<UnitReport, 'unitId' | 'state' | 'locked'>): ReportRights {
  const roles = rolesFor(me, report.unitId);
  const can = (action: ReportAction) => transitionRefusal(action, report.state, roles) === null;
  const staff = roles.has('reporter') || roles.has('unit_head');
  const open = !report.locked;
  return {
    edit: staff && open && EDITABLE_STATES.includes(report.state),
    submit: open && can('submit'),
    approve: open && can('approve'),
    return: open && can('return'),
    // the office still accepts what was approved in time, after the close
    accept: can('accept'),
    reopen: roles.has('office') && (report.locked || report.state === 'accepted'),
  };
}
