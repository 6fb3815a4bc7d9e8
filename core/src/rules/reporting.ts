import { Decimal } from 'decimal.js';
import type { Role } from '../roles.js';

/** A unit report's life (product.md `report_cycle`). Late is a flag, not a state. */
export const REPORT_STATES = ['not_started', 'draft', 'submitted', 'unit_approved', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_ACTIONS = ['submit', 'approve', 'return', 'accept', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
/** What a report line carries: a value of an indicator the unit leads, a project's monthly progress, an item's progress note. */
export const LINE_KINDS = ['indicator', 'project', 'item'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export const CYCLE_STATES = ['open', 'closed'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];
/** Checks while filling; a flagged line needs an explanatory note before the report can be submitted. */
export const LINE_FLAGS = ['jump', 'cumulative_down', 'above_remaining'] as const;
export type LineFlag = (typeof LINE_FLAGS)[number];

/** States in which the unit's staff may edit lines. */
export const EDITABLE_STATES: readonly ReportState[] = ['not_started', 'draft', 'returned'];

interface Transition {
  from: readonly ReportState[];
  to: ReportState;
  /** Roles that may take the step (unit roles act on their own unit's report only). */
  roles: readonly Role[];
}

/**
 * The report state machine. `return` goes back to `returned` from submitted (unit head) or
 * unit_approved (office); `reopen` is the office's audited act on a locked or accepted report.
 */
export const REPORT_TRANSITIONS: Record<ReportAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['reporter', 'unit_head'] },
  approve: { from: ['submitted'], to: 'unit_approved', roles: ['unit_head'] },
  return: { from: ['submitted', 'unit_approved'], to: 'returned', roles: ['unit_head', 'office'] },
  accept: { from: ['unit_approved'], to: 'accepted', roles: ['office'] },
  reopen: { from: ['submitted', 'unit_approved', 'accepted', 'returned', 'draft', 'not_started'], to: 'returned', roles: ['office'] },
};

/**
 * Whether `action` may be taken on a report in `state` by someone holding `roles` (for the unit's
 * own report, unit roles count; the office acts on every report). `return` from unit_approved is
 * the office's, from submitted the unit head's.
 * @returns null when allowed, else why not: 'state' (illegal from this state) or 'role'
 */
export function transitionRefusal(action: ReportAction, state: ReportState, roles: ReadonlySet<Role>): 'state' | 'role' | null {
  const t = REPORT_TRANSITIONS[action];
  if (!t.from.includes(state)) return 'state';
  let allowed = t.roles;
  if (action === 'return') allowed = state === 'submitted' ? ['unit_head'] : ['office'];
  return allowed.some((r) => roles.has(r)) ? null : 'role';
}

/** Default cycle dates for a month `YYYY-MM`: open on the 1st, due on the 25th, close on the 5th of the next month. */
export function defaultCycleDates(period: string, rule = { dueDay: 25, closeDay: 5 }): { openDate: string; dueDate: string; closeDate: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  return { openDate: `${period}-01`, dueDate: `${period}-${pad(rule.dueDay)}`, closeDate: `${next}-${pad(rule.closeDay)}` };
}

const DAY_MS = 86_400_000;
/**
 * Days late: for a submitted report, its submission date after the due date; for one not yet
 * submitted, today after the due date. 0 when on time.
 */
export function daysLate(dueDate: string, submittedOn: string | null, today: string): number {
  const d = Math.round((Date.parse(submittedOn ?? today) - Date.parse(dueDate)) / DAY_MS);
  return d > 0 ? d : 0;
}

export interface LineCheckInput {
  kind: LineKind;
  /** indicator lines: the indicator's kind decides which checks apply. */
  indicatorKind?: 'amount' | 'level' | 'growth' | 'limit' | 'change';
  /** indicator lines: a `decrease` level is expected to go down. */
  direction?: 'increase' | 'decrease';
  /** The value entered (indicator: the month's value; project: the month's completed investment). */
  value: string | null;
  /** Last month's value of the same line, when known. */
  previous: string | null;
  /** project lines: total investment minus everything completed before this month (万元). */
  remaining?: number;
  /** Allowed relative change from last month before a value is flagged as a jump (0.5 = ±50 %). */
  jumpBand: number;
}

/**
 * The checks while filling: a value jumping beyond the band from last month; a cumulative
 * (level) indicator going down; investment above what remains of the project's total.
 * A flagged line is not refused; it needs a note before submit.
 */
export function lineFlags(i: LineCheckInput): LineFlag[] {
  if (i.value === null) return [];
  const flags: LineFlag[] = [];
  const v = new Decimal(i.value);
  if (i.previous !== null) {
    const p = new Decimal(i.previous);
    if (!p.isZero() && v.minus(p).abs().div(p.abs()).greaterThan(i.jumpBand)) flags.push('jump');
    if (i.kind === 'indicator' && i.indicatorKind === 'level' && i.direction !== 'decrease' && v.lessThan(p)) flags.push('cumulative_down');
  }
  // An amount is a monthly flow: a negative month takes the year's cumulative down.
  if (i.kind === 'indicator' && i.indicatorKind === 'amount' && v.isNegative()) flags.push('cumulative_down');
  if (i.kind === 'project' && i.remaining !== undefined && v.greaterThan(i.remaining)) flags.push('above_remaining');
  return flags;
}
