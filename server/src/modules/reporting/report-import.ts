import { eq } from 'drizzle-orm';
import { type ReportImportResult, putLineBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../exchange/exchange.columns.js';
import { readDecimal, readInt, readText, shown } from '../exchange/exchange.cells.js';
import { readWorkbook } from '../exchange/exchange.read.js';
import { type RawRow, type RowIssue, type SheetData, sameDecimal, zodToFields } from '../exchange/exchange.rows.js';
import { type LineInfo, lineFacts, lineInfos } from './report-lines.read.js';
import { type LineInput, nextFields } from './report-lines.rules.js';
import { type ColumnKey, REPORT_COLUMNS, REPORT_MESSAGES, REPORT_SHEET, type ReportRowIssue, entryKeys } from './report-workbook.columns.js';
import { type SavedLine, assertEditable, markStarted, saveLine } from './lines.service.js';
import { DEFAULT_JUMP_BAND, type ReportScope } from './reporting.policy.js';
import { loadReport } from './reporting.rows.js';
import { reportLine } from './reporting.table.js';

/** Uploading a filled-in report workbook: every row checked like a line save, all saved or none. */

type ReportSheet = SheetData<'report'>;

interface RowOp {
  row: number;
  info: LineInfo;
  input: LineInput;
  version: number;
}

const CURRENT: Partial<Record<ColumnKey, (i: LineInfo) => string | number | null>> = {
  value: (i) => i.line.value,
  currentAmount: (i) => i.line.currentAmount,
  lastYearAmount: (i) => i.line.lastYearAmount,
  completedInvestment: (i) => i.line.completedInvestment,
  imageProgress: (i) => i.line.imageProgress,
  progress: (i) => i.line.progress,
  note: (i) => i.line.note,
};

/** One row → the line's changed fields, or the issues naming its cells. */
function planRow(raw: RawRow, info: LineInfo, version: number, at: (field: string) => string, issues: ReportRowIssue[]): RowOp | null {
  const push = (f: { field: string; issue: string; got?: string | undefined; limit?: number | string | undefined }) =>
    issues.push({ row: raw.row, column: at(f.field), field: f.field, issue: f.issue, ...(f.got !== undefined ? { got: f.got } : {}), ...(f.limit !== undefined ? { limit: f.limit } : {}) });
  const open = new Set(entryKeys(info));
  const input: Record<string, string | number | null> = {};
  const before = issues.length;
  for (const col of REPORT_COLUMNS.filter((c) => c.input)) {
    const cell = raw.cells[col.key] ?? null;
    if (!(col.key in raw.cells)) continue;
    if (!open.has(col.key)) {
      if (cell !== null) push({ field: col.key, issue: 'not_for_kind', got: shown(cell) });
      continue;
    }
    const read = cell === null ? { ok: true as const, value: null } : col.input === 'decimal' ? readDecimal(cell) : col.input === 'int' ? readInt(cell) : readText(cell);
    if (!read.ok) {
      push({ field: col.key, issue: read.issue, got: shown(cell) });
      continue;
    }
    const value = read.value === '' ? null : read.value;
    const current = CURRENT[col.key]!(info);
    const same = col.input === 'decimal' ? sameDecimal(value as string | null, current as string | null) : (value ?? null) === (current ?? null);
    if (!same) input[col.key] = value;
  }
  if (issues.length > before || Object.keys(input).length === 0) return null;
  const parsed = putLineBody.safeParse({ ...input, version });
  if (!parsed.success) {
    for (const f of zodToFields(parsed.error.issues, {}, (field) => shown(raw.cells[field] ?? null))) push(f);
    return null;
  }
  if (info.line.version !== version) {
    push({ field: '', issue: 'version_conflict' });
    return null;
  }
  const { version: _v, ...body } = parsed.data;
  for (const f of nextFields(info, body).issues) push({ ...f });
  return issues.length > before ? null : { row: raw.row, info, input: body, version };
}

/** Every row checked against the report's lines: the changes to save, rows unchanged, and every problem. */
function planImport(sheet: ReportSheet, infos: LineInfo[]): { ops: RowOp[]; unchanged: number; issues: ReportRowIssue[] } {
  const issues: ReportRowIssue[] = [];
  const byId = new Map(infos.map((i) => [i.line.id, i]));
  const seen = new Map<string, number>();
  const at = (field: string) => sheet.columns[field] ?? '';
  const ops: RowOp[] = [];
  let unchanged = 0;
  for (const raw of sheet.rows) {
    const id = raw.cells.id === null || raw.cells.id === undefined ? '' : String(raw.cells.id).trim();
    const info = byId.get(id);
    const version = readInt(raw.cells.version ?? null);
    if (!info) issues.push({ row: raw.row, column: at('id'), field: 'id', issue: id ? 'not_found' : 'required', got: id });
    else if (seen.has(id)) issues.push({ row: raw.row, column: at('id'), field: 'id', issue: 'duplicate', limit: seen.get(id)! });
    else if (!version.ok) issues.push({ row: raw.row, column: at('version'), field: 'version', issue: 'required' });
    if (!info || seen.has(id) || !version.ok) continue;
    seen.set(id, raw.row);
    const op = planRow(raw, info, version.value, at, issues);
    if (op) ops.push(op);
    else if (!issues.some((i) => i.row === raw.row)) unchanged++;
  }
  return { ops, unchanged, issues };
}

/**
 * Imports a filled-in report workbook: each row goes through the line rules and checks of a
 * single save (kind, numbers, optimistic lock by the hidden version). Only a file without a
 * single problem is saved, in one transaction, audited as one `report.import` event.
 * @throws AppError not_found, forbidden, conflict (locked or not editable), unsupported_media_type,
 *   validation_failed with `{ ok: false, errors: [{ sheet, row, column, field, issue, message }], total, truncated }`
 */
export async function importReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, file: { data: Buffer; name: string }, locale: Locale): Promise<ReportImportResult> {
  assertEditable(scope, await loadReport(db, zoneId, reportId));
  const { sheets, issues: readIssues } = await readWorkbook(file.data, [REPORT_SHEET], locale, { firstSheet: true });
  const refuse = (issues: RowIssue<'report'>[]) => new AppError('validation_failed', REPORT_MESSAGES.report(issues, locale));
  const sheet = sheets.report;
  if (!sheet || readIssues.length) throw refuse(readIssues);
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    assertEditable(scope, c);
    const infos = await lineInfos(tx, eq(reportLine.reportId, reportId));
    const plan = planImport(sheet, infos);
    if (plan.issues.length) throw refuse(plan.issues.map((i) => ({ sheet: 'report', sheetName: sheet.name, ...i })));
    const facts = await lineFacts(tx, c.cycle.period, plan.ops.map((o) => o.info));
    const saved: SavedLine[] = [];
    for (const op of plan.ops) saved.push(await saveLine(tx, op.info, op.input, op.version, facts.get(op.info.line.id), DEFAULT_JUMP_BAND));
    if (saved.length) await markStarted(tx, c);
    const summary = { unitId: c.report.unitId, period: c.cycle.period, file: file.name.slice(0, 200), rows: sheet.rows.length, updated: saved.length, unchanged: plan.unchanged, lines: saved };
    await recordAudit(tx, actor, { action: 'report.import', objectType: 'unit_report', objectId: reportId, summary });
    return { ok: true as const, updated: saved.length, unchanged: plan.unchanged };
  });
}
