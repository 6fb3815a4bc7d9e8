import { type PutValueBody, growthFromAmounts, putValueBody } from '@lantu/core';
import { isComputedSource } from '../indicators/evaluation.js';
import type { ValueOp } from '../indicators/values-bulk.service.js';
import { VALUE_COLUMNS } from './exchange.columns.js';
import { type Read, shown } from './exchange.cells.js';
import { type FieldIssue, type RawRow, type RowIssue, type SheetData, byPlace, locate, readRow, zodToFields } from './exchange.rows.js';

/** Row rules of a values import (sheet 月度数据). Pure. */

export interface ValuesContext {
  /** The plan's indicators. */
  indicators: { id: string; itemId: string; code: string; kind: string; year: number; source: string }[];
}

/** One month's value as a row sets it, already in the form the value service stores (growth computed from its amounts). */
export interface ValuesPlan {
  issues: RowIssue[];
  values: ValueOp[];
  /** Rows naming an indicator and month but holding no figure (the prefilled template's empty rows). */
  skipped: number;
}

type Figures = Partial<Record<'value' | 'currentAmount' | 'lastYearAmount', string>>;

/** The pure part of the value service's checks (values.service.ts valueFrom), per row. */
export function valueRules(ind: ValuesContext['indicators'][number], period: string | undefined, f: Figures): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (isComputedSource(ind.source)) out.push({ field: 'code', issue: 'computed_source', got: ind.code });
  const year = period ? Number(period.slice(0, 4)) : null;
  if (year !== null && year !== ind.year && year !== ind.year - 1) out.push({ field: 'period', issue: 'out_of_year', got: period, limit: `${ind.year - 1}–${ind.year}` });
  const [cur, last] = [f.currentAmount !== undefined, f.lastYearAmount !== undefined];
  if (ind.kind !== 'growth' && (cur || last)) out.push({ field: cur ? 'currentAmount' : 'lastYearAmount', issue: 'growth_only' });
  else if (cur !== last) out.push({ field: cur ? 'lastYearAmount' : 'currentAmount', issue: 'required' });
  else if (cur && last && f.lastYearAmount !== undefined && Number(f.lastYearAmount) === 0) out.push({ field: 'lastYearAmount', issue: 'zero' });
  if (f.value === undefined && !(cur && last) && out.length === 0) out.push({ field: 'value', issue: ind.kind === 'growth' ? 'value_or_amounts' : 'required' });
  return out;
}

/** What the value service would store for a checked body (values.service.ts valueFrom): given amounts decide a growth value. */
function storedOf(body: PutValueBody): Pick<ValueOp, 'value' | 'currentAmount' | 'lastYearAmount' | 'note'> {
  const cur = body.currentAmount ?? null;
  const last = body.lastYearAmount ?? null;
  const value = cur !== null && last !== null ? growthFromAmounts(cur, last)! : body.value!;
  return { value, currentAmount: cur, lastYearAmount: last, ...(body.note !== undefined ? { note: body.note } : {}) };
}

/** Adds an issue unless its field already has one. */
function addIssue(all: FieldIssue[], i: FieldIssue): void {
  if (!all.some((x) => x.field === i.field)) all.push(i);
}

const blank = (row: RawRow) => row.cells.value == null && row.cells.currentAmount == null && row.cells.lastYearAmount == null && row.cells.note == null;
const unitless = (): Read<string> => ({ ok: false, issue: 'unknown_unit' });

/**
 * Checks every row of a values workbook (the same cell readers, body schema and value rules as a
 * single entry) and plans the writes; nothing is planned for a file with issues. Whether a month
 * changes is decided against the stored values when saving.
 */
export function planValuesImport(sheet: SheetData, ctx: ValuesContext): ValuesPlan {
  const indicators = new Map(ctx.indicators.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  const ops: ValueOp[] = [];
  let skipped = 0;
  for (const row of sheet.rows) {
    if (blank(row)) {
      skipped++;
      continue;
    }
    const { fields, issues: own } = readRow(VALUE_COLUMNS, row, unitless);
    const { code, period, ...figures } = fields as { code?: string; period?: string } & Record<string, string>;
    const parsed = putValueBody.safeParse(figures);
    const all: FieldIssue[] = own;
    if (!parsed.success) for (const i of zodToFields(parsed.error.issues, {}, (f) => shown(row.cells[f] ?? null))) addIssue(all, i);
    const ind = code ? indicators.get(code) : undefined;
    if (code && !ind) addIssue(all, { field: 'code', issue: 'unknown_indicator', got: code });
    if (ind) for (const i of valueRules(ind, period, figures)) addIssue(all, i);
    const key = ind && period ? `${ind.id}|${period}` : undefined;
    if (key && seen.has(key)) addIssue(all, { field: 'period', issue: 'duplicate', got: period, expected: String(seen.get(key)) });
    else if (key) seen.set(key, row.row);
    if (all.length) {
      issues.push(...locate(sheet, row.row, all));
      continue;
    }
    if (!parsed.success || !ind || !period) continue;
    ops.push({ row: row.row, code: ind.code, indicatorId: ind.id, itemId: ind.itemId, period, ...storedOf(parsed.data) });
  }
  issues.sort(byPlace);
  return { issues, values: issues.length === 0 ? ops : [], skipped };
}
