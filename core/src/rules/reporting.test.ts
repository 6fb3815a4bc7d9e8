import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import { daysLate, defaultCycleDates, lineFlags, REPORT_ACTIONS, REPORT_STATES, REPORT_TRANSITIONS, transitionRefusal, type ReportState } from './reporting.js';

const roles = (...r: Role[]) => new Set<Role>(r);

describe('report state machine', () => {
  it.each<[string, ReportState, Role[], 'state' | 'role' | null]>([
    ['submit', 'draft', ['reporter'], null],
    ['submit', 'returned', ['unit_head'], null],
    ['submit', 'not_started', ['reporter'], 'state'],
    ['submit', 'accepted', ['reporter'], 'state'],
    ['submit', 'draft', ['office'], 'role'],
    ['approve', 'submitted', ['unit_head'], null],
    ['approve', 'draft', ['unit_head'], 'state'],
    ['approve', 'submitted', ['reporter'], 'role'],
    ['return', 'submitted', ['unit_head'], null],
    ['return', 'submitted', ['office'], 'role'],
    ['return', 'unit_approved', ['office'], null],
    ['return', 'unit_approved', ['unit_head'], 'role'],
    ['return', 'accepted', ['office'], 'state'],
    ['accept', 'unit_approved', ['office'], null],
    ['accept', 'submitted', ['office'], 'state'],
    ['accept', 'unit_approved', ['unit_head'], 'role'],
    ['reopen', 'accepted', ['office'], null],
    ['reopen', 'accepted', ['unit_head'], 'role'],
  ])('%s from %s by %j → %s', (action, state, r, refusal) => {
    expect(transitionRefusal(action as (typeof REPORT_ACTIONS)[number], state, roles(...r))).toBe(refusal);
  });

  it('never skips a state: each action leads to exactly one state, and accepted is reached only from unit_approved', () => {
    for (const a of REPORT_ACTIONS) expect(REPORT_STATES).toContain(REPORT_TRANSITIONS[a].to);
    const intoAccepted = REPORT_ACTIONS.filter((a) => REPORT_TRANSITIONS[a].to === 'accepted');
    expect(intoAccepted.map((a) => REPORT_TRANSITIONS[a].from)).toEqual([['unit_approved']]);
  });
});

describe('cycle dates', () => {
  it.each([
    ['2021-03', { openDate: '2021-03-01', dueDate: '2021-03-25', closeDate: '2021-04-05' }],
    ['2021-12', { openDate: '2021-12-01', dueDate: '2021-12-25', closeDate: '2022-01-05' }],
  ])('%s → %j', (period, dates) => {
    expect(defaultCycleDates(period)).toEqual(dates);
  });

  it.each([
    ['2021-03-25', '2021-03-25', '2021-04-01', 0],
    ['2021-03-25', '2021-03-27', '2021-04-01', 2],
    ['2021-03-25', null, '2021-03-20', 0],
    ['2021-03-25', null, '2021-04-04', 10],
  ])('due %s, submitted %s, today %s → %i days late', (due, submitted, today, days) => {
    expect(daysLate(due, submitted, today)).toBe(days);
  });
});

describe('checks while filling', () => {
  const base = { kind: 'indicator' as const, jumpBand: 0.5 };
  it.each([
    [{ ...base, indicatorKind: 'amount' as const, value: '4.5', previous: '4.0' }, []],
    [{ ...base, indicatorKind: 'amount' as const, value: '12', previous: '4.0' }, ['jump']],
    [{ ...base, indicatorKind: 'amount' as const, value: '1.9', previous: '4.0' }, ['jump']],
    [{ ...base, indicatorKind: 'amount' as const, value: '-1', previous: null }, ['cumulative_down']],
    [{ ...base, indicatorKind: 'level' as const, value: '26', previous: '27' }, ['cumulative_down']],
    [{ ...base, indicatorKind: 'level' as const, direction: 'decrease' as const, value: '2', previous: '3' }, []],
    [{ ...base, indicatorKind: 'level' as const, value: '5', previous: '0' }, []],
    [{ kind: 'project' as const, jumpBand: 0.5, value: '3000', previous: '2500', remaining: 2000 }, ['above_remaining']],
    [{ kind: 'project' as const, jumpBand: 0.5, value: '2000', previous: '2500', remaining: 2000 }, []],
    [{ ...base, indicatorKind: 'amount' as const, value: null, previous: '4.0' }, []],
  ])('%j → %j', (input, flags) => {
    expect(lineFlags(input)).toEqual(flags);
  });
});
