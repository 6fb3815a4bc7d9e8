import { and, eq } from 'drizzle-orm';
import { EDITABLE_STATES, type PutLineBody, type ReportLine, type ReportState } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type LineFacts, type LineInfo, lineEvidence, lineFacts, lineInfos, lineView } from './report-lines.read.js';
import { type LineFields, type LineInput, fieldsOf, flagsOf, nextFields } from './report-lines.rules.js';
import { DEFAULT_JUMP_BAND, type ReportScope, assertStaff } from './reporting.policy.js';
import { type ReportContext, isLocked, loadReport } from './reporting.rows.js';
import { reportLine, unitReport } from './reporting.table.js';

/** Filling in a report: one line at a time (or many, from a workbook), with the checks. */

/**
 * The report's lines may change: the caller is staff of its unit, the report is in an editable
 * state and its cycle has not locked it.
 * @throws AppError forbidden, conflict ({ reason: 'locked' } or { reason: 'state', state, action })
 */
export function assertEditable(scope: ReportScope, c: ReportContext, action = 'edit'): void {
  assertStaff(scope, c.report.unitId);
  if (isLocked(c.cycle, c.report)) throw new AppError('conflict', { reason: 'locked', action });
  if (!EDITABLE_STATES.includes(c.report.state as ReportState)) throw new AppError('conflict', { reason: 'state', state: c.report.state, action });
}

/** The first save of a report starts it: not_started becomes draft (not a decision, so the report's version stays). */
export async function markStarted(tx: DbOrTx, c: ReportContext): Promise<void> {
  if (c.report.state !== 'not_started') return;
  await tx.update(unitReport).set({ state: 'draft', updatedAt: new Date() }).where(eq(unitReport.id, c.report.id));
  c.report.state = 'draft';
}

export interface SavedLine {
  lineId: string;
  before: LineFields & { flags: string[] };
  after: LineFields & { flags: string[] };
}

/**
 * Saves one line's figures under its optimistic lock: checks the fields against the line's kind,
 * recomputes the flags, clears the line's return reason (it has been answered) and bumps its version.
 * No audit event: the caller records one for the request.
 * @throws AppError version_conflict, validation_failed (not_for_kind, growth_only, range, zero)
 */
export async function saveLine(tx: DbOrTx, info: LineInfo, input: LineInput, version: number, facts: LineFacts | undefined, jumpBand: number): Promise<SavedLine> {
  const l = info.line;
  if (l.version !== version) throw new AppError('version_conflict');
  const { fields, issues } = nextFields(info, input);
  if (issues.length) throw fieldError(issues);
  const flags = flagsOf(info, fields, facts, jumpBand);
  const [after] = await tx
    .update(reportLine)
    .set({ ...fields, flags, returnReason: null, version: l.version + 1, updatedAt: new Date() })
    .where(and(eq(reportLine.id, l.id), eq(reportLine.version, l.version)))
    .returning();
  if (!after) throw new AppError('version_conflict');
  info.line = after;
  return { lineId: l.id, before: { ...fieldsOf(l), flags: l.flags }, after: { ...fields, flags } };
}

/**
 * Saves one line of a report the caller's unit owes, with the checks while filling; the first save
 * turns a not-started report into a draft. Audited as `report.line.put`.
 * @throws AppError not_found (report or line), forbidden (not staff of the report's unit),
 *   conflict (locked, or the report is not editable: submitted, approved, accepted),
 *   version_conflict (the line changed since it was read), validation_failed
 */
export async function putLine(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, lineId: string, body: PutLineBody): Promise<ReportLine> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    const [info] = await lineInfos(tx, and(eq(reportLine.id, lineId), eq(reportLine.reportId, reportId))!);
    if (!info) throw new AppError('not_found');
    assertEditable(scope, c);
    const facts = (await lineFacts(tx, c.cycle.period, [info])).get(lineId);
    const { version, ...input } = body;
    const saved = await saveLine(tx, info, input, version, facts, DEFAULT_JUMP_BAND);
    await markStarted(tx, c);
    const evidence = await lineEvidence(tx, [lineId]);
    // The audit event last: the chain's lock is held from there to the commit only.
    await recordAudit(tx, actor, {
      action: 'report.line.put',
      objectType: 'unit_report',
      objectId: reportId,
      summary: { unitId: c.report.unitId, period: c.cycle.period, lineId, kind: info.kind, indicatorId: info.line.indicatorId, projectId: info.line.projectId, itemId: info.line.itemId, before: saved.before, after: saved.after },
    });
    return lineView(info, facts, evidence.get(lineId) ?? []);
  });
}
