import { type FieldIssue, type LineFlag, type LineKind, type PutLineBody, growthFromAmounts, lineFlags } from '@lantu/core';
import type { LineFacts, LineInfo } from './report-lines.read.js';
import type { LineRow } from './reporting.rows.js';

/** What a line may hold by kind, and the checks while filling. Pure. */

export type LineInput = Omit<PutLineBody, 'version'>;
type FieldKey = keyof LineInput;

/** The fields a line of each kind carries; anything else is refused as `not_for_kind`. */
export const KIND_FIELDS: Record<LineKind, readonly FieldKey[]> = {
  indicator: ['value', 'currentAmount', 'lastYearAmount', 'note'],
  project: ['completedInvestment', 'imageProgress', 'note'],
  item: ['note', 'progress'],
};

/** The stored figures of a line. */
export type LineFields = Pick<LineRow, 'value' | 'currentAmount' | 'lastYearAmount' | 'completedInvestment' | 'imageProgress' | 'progress' | 'note'>;

export const fieldsOf = (l: LineRow): LineFields => ({
  value: l.value,
  currentAmount: l.currentAmount,
  lastYearAmount: l.lastYearAmount,
  completedInvestment: l.completedInvestment,
  imageProgress: l.imageProgress,
  progress: l.progress,
  note: l.note,
});

/** An empty text is no text: a blank note does not explain a flag. */
const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s);

function kindIssues(info: LineInfo, input: LineInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [k, v] of Object.entries(input) as [FieldKey, unknown][]) {
    if (v === undefined) continue;
    if (!KIND_FIELDS[info.kind].includes(k)) issues.push({ field: k, issue: 'not_for_kind', limit: info.kind });
    else if ((k === 'currentAmount' || k === 'lastYearAmount') && v !== null && info.indicatorKind !== 'growth') issues.push({ field: k, issue: 'growth_only' });
    else if (k === 'progress' && v !== null && info.progressMethod !== 'manual') issues.push({ field: k, issue: 'not_for_kind', limit: 'manual' });
  }
  // A decimal string of at most 12 digits compares exactly as a number against 0 and 100.
  if (typeof input.progress === 'string' && (Number(input.progress) < 0 || Number(input.progress) > 100)) {
    issues.push({ field: 'progress', issue: 'range', limit: '0–100' });
  }
  return issues;
}

/**
 * The line's figures after applying `input` (undefined keeps a field, null clears it). A growth
 * line given both cumulative amounts gets its value computed from them.
 * @returns the next fields, or the issues naming each refused field
 */
export function nextFields(info: LineInfo, input: LineInput): { fields: LineFields; issues: FieldIssue[] } {
  const current = fieldsOf(info.line);
  const issues = kindIssues(info, input);
  const given = Object.fromEntries(Object.entries({ ...input, note: blankToNull(input.note), imageProgress: blankToNull(input.imageProgress) }).filter(([, v]) => v !== undefined));
  const fields = { ...current, ...given } as LineFields;
  const amountsGiven = input.currentAmount !== undefined || input.lastYearAmount !== undefined;
  if (info.indicatorKind === 'growth' && amountsGiven && fields.currentAmount !== null && fields.lastYearAmount !== null) {
    const rate = growthFromAmounts(fields.currentAmount, fields.lastYearAmount);
    if (rate === null) issues.push({ field: 'lastYearAmount', issue: 'zero' });
    else fields.value = rate;
  }
  return { fields, issues };
}

/** The checks while filling, for a line's figures: jump from last month, cumulative going down, investment above what remains. */
export function flagsOf(info: LineInfo, fields: LineFields, facts: LineFacts | undefined, jumpBand: number): LineFlag[] {
  const previous = facts?.previous ?? null;
  if (info.kind === 'indicator') {
    return lineFlags({
      kind: 'indicator',
      indicatorKind: (info.indicatorKind ?? undefined) as 'amount' | undefined,
      direction: (info.direction ?? undefined) as 'increase' | undefined,
      value: fields.value,
      previous,
      jumpBand,
    });
  }
  if (info.kind === 'project') {
    const value = fields.completedInvestment === null ? null : String(fields.completedInvestment);
    return lineFlags({ kind: 'project', value, previous, jumpBand, ...(facts?.remaining !== undefined ? { remaining: facts.remaining } : {}) });
  }
  // An item's progress is a judgement in %, not a figure to compare month on month.
  return [];
}
