import { type PutValueBody, putValueBody } from '@lantu/core';
import { isComputedSource } from '../indicators/evaluation.js';
import { VALUE_COLUMNS } from './exchange.columns.js';
import { shown } from './exchange.cells.js';
import { type FieldIssue, type RowIssue, type SheetData, byPlace, changedFields, locate, readRow, zodToFields } from './exchange.rows.js';

/** Row rules of a values import (sheet 月度数据). Pure. */

export interface ValuesContext {
  /** The plan's indicators. */
  indicators: { id: string; code: string; kind: string; year: number; source: string }[];
  /** Values already recorded for them. */
  values: { indicatorId: string; period: string; version: number; value: string; currentAmount: string | null; lastYearAmount: string | null; note: string | null }[];
}

export interface ValueOp {
  row: number;
  code: string;
  indicatorId: string;
  period: string;
  created: boolean;
  body: PutValueBody;
}

export interface ValuesPlan {
  issues: RowIssue[];
  values: ValueOp[];
  unchanged: number;
  /** Rows naming an indicator and month but holding no figure (the prefilled template's empty rows). */
  skipped: number;
}

const FIGURES = ['value', 'currentAmount', 'lastYearAmount', 'note'] as const;
const DECIMALS = ['value', 'currentAmount', 'lastYearAmount'];

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

/** Checks every row of a values workbook and plans the puts; nothing is planned for a file with issues. */
export function planValuesImport(sheet: SheetData, ctx: ValuesContext): ValuesPlan {
  const indicators = new Map(ctx.indicators.map((i) => [i.code, i]));
  const current = new Map(ctx.values.map((v) => [`${v.indicatorId}|${v.period}`, v]));
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  const ops: ValueOp[] = [];
  let unchanged = 0;
  let skipped = 0;
  for (const row of sheet.rows) {
    if (FIGURES.every((f) => row.cells[f] == null)) {
      skipped++;
      continue;
    }
    const { fields, issues: own } = readRow(VALUE_COLUMNS, row, () => ({ ok: false, issue: 'unknown_unit' }));
    const { code, period, ...figures } = fields as { code?: string; period?: string } & Record<string, string>;
    const parsed = putValueBody.safeParse(figures);
    const all: FieldIssue[] = [...own];
    const add = (i: FieldIssue) => all.some((x) => x.field === i.field) || all.push(i);
    if (!parsed.success) zodToFields(parsed.error.issues, {}, (f) => shown(row.cells[f] ?? null)).forEach(add);
    const ind = code ? indicators.get(code) : undefined;
    if (code && !ind) add({ field: 'code', issue: 'unknown_indicator', got: code });
    if (ind) valueRules(ind, period, figures).forEach(add);
    const key = ind && period ? `${ind.id}|${period}` : undefined;
    if (key && seen.has(key)) add({ field: 'period', issue: 'duplicate', got: period, expected: String(seen.get(key)) });
    else if (key) seen.set(key, row.row);
    issues.push(...locate(sheet, row.row, all));
    if (all.length || !parsed.success || !ind || !period || !key) continue;
    const cur = current.get(key);
    if (!cur) {
      ops.push({ row: row.row, code: ind.code, indicatorId: ind.id, period, created: true, body: parsed.data });
      continue;
    }
    const changes = changedFields(parsed.data as Record<string, unknown>, cur, DECIMALS);
    if (Object.keys(changes).length === 0) unchanged++;
    else ops.push({ row: row.row, code: ind.code, indicatorId: ind.id, period, created: false, body: { ...parsed.data, version: cur.version } });
  }
  issues.sort(byPlace);
  const ok = issues.length === 0;
  return { issues, values: ok ? ops : [], unchanged, skipped };
}
