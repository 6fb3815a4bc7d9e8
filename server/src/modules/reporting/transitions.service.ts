import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { type FieldIssue, type ReportAction, type ReportState, type ReturnReportBody, type ReopenReportBody, type UnitReport, transitionRefusal } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type ReportScope, assertCanAct, rolesFor } from './reporting.policy.js';
import { REPORT_STAFF, type ReportRef, notifyOffice, notifyUnit } from './reporting.notify.js';
import { type ReportContext, isLocked, loadReport } from './reporting.rows.js';
import { reportLine, unitReport } from './reporting.table.js';
import { type LineCounts, type OpenLine, lineCounts, lineTally, reportSummary } from './reports.read.js';

/** The report state machine's steps: submit, approve, return, reopen, and reminders. (Accept: accept.service.ts.) */

/**
 * Whether the caller may take `action` on the report now: office or staff of the report's unit
 * (else forbidden), a legal step from the current state for the caller's roles in that unit
 * (core transitionRefusal), not locked by a closed cycle, and the version read still current.
 * @throws AppError forbidden, conflict ({ reason: 'state', state, action } or { reason: 'locked' }), version_conflict
 */
export function checkTransition(scope: ReportScope, c: ReportContext, action: ReportAction, version: number): void {
  assertCanAct(scope, c.report.unitId);
  const state = c.report.state as ReportState;
  const refusal = transitionRefusal(action, state, rolesFor(scope, c.report.unitId));
  if (refusal === 'state') throw new AppError('conflict', { reason: 'state', state, action });
  if (refusal === 'role') throw new AppError('forbidden');
  // The office still accepts what was approved in time; reopening is how anything else changes after close.
  if (action !== 'accept' && action !== 'reopen' && isLocked(c.cycle, c.report)) throw new AppError('conflict', { reason: 'locked', action });
  if (c.report.version !== version) throw new AppError('version_conflict');
}

export const refOf = (c: ReportContext): ReportRef => ({ zoneId: c.report.zoneId, reportId: c.report.id, unitId: c.report.unitId, unitName: c.unitName, period: c.cycle.period });

/**
 * Moves the report to its next state (version + 1), runs `then` (the step's notifications), and
 * records the one audit event of the step as the transaction's last statement: the audit chain's
 * lock is then held only from there to the commit, so submissions of different reports do not queue
 * behind each other's notifications. Answers the report as the step left it, with `counts` (read
 * before, in the same transaction).
 */
export async function applyStep(
  tx: DbOrTx,
  actor: Actor,
  c: ReportContext,
  action: ReportAction,
  counts: LineCounts,
  set: Partial<typeof unitReport.$inferInsert>,
  summary: Record<string, unknown> = {},
  then?: (version: number) => Promise<unknown>,
): Promise<UnitReport> {
  const version = c.report.version + 1;
  const changes = { ...set, version, updatedAt: new Date() };
  await tx.update(unitReport).set(changes).where(eq(unitReport.id, c.report.id));
  await then?.(version);
  await recordAudit(tx, actor, {
    action: `report.${action}`,
    objectType: 'unit_report',
    objectId: c.report.id,
    summary: { unitId: c.report.unitId, period: c.cycle.period, before: { state: c.report.state }, after: { state: set.state ?? c.report.state }, ...summary },
  });
  return reportSummary({ ...c.report, ...changes }, c.cycle, c.unitName, counts, c.asOf);
}

/** Every line filled, and every flagged line explained: else the field errors naming each line. */
function submitIssues(open: OpenLine[]): FieldIssue[] {
  return open.map((l) => (l.filled ? { field: `lines.${l.id}.note`, issue: 'explain_flag', limit: l.flags.join(',') } : { field: `lines.${l.id}`, issue: 'required' }));
}

/**
 * Submits a draft (or returned) report to the unit head. Every line must be filled and every
 * flagged line explained by a note. The zone's business date is the submission date for the late flag.
 * @returns the report as submitted (its summary: the lines did not change)
 * @throws AppError not_found, forbidden (not staff of the unit), conflict (state or locked), version_conflict,
 *   validation_failed (`lines.<id>` required, `lines.<id>.note` explain_flag)
 */
export async function submitReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, version: number): Promise<UnitReport> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'submit', version);
    const { open, ...counts } = await lineTally(tx, reportId);
    if (open.length) throw fieldError(submitIssues(open));
    const set = { state: 'submitted', submittedAt: new Date(), submittedOn: c.asOf };
    return applyStep(tx, actor, c, 'submit', counts, set, { submittedOn: c.asOf, dueDate: c.cycle.dueDate }, (v) =>
      notifyUnit(tx, refOf(c), ['unit_head'], 'submitted', `submitted:${reportId}:${v}`),
    );
  });
}

/**
 * The unit head approves the unit's submitted report; it goes to the office.
 * @returns the report as approved (its summary)
 * @throws AppError not_found, forbidden (not the unit's head), conflict (state or locked), version_conflict
 */
export async function approveReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, version: number): Promise<UnitReport> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'approve', version);
    const counts = await lineCounts(tx, reportId);
    return applyStep(tx, actor, c, 'approve', counts, { state: 'unit_approved', approvedAt: new Date() }, {}, (v) => notifyOffice(tx, refOf(c), 'approved', `approved:${reportId}:${v}`));
  });
}

/**
 * Returns a report for correction with a reason per line: the unit head a submitted report, the
 * office an approved one. The named lines get their reason (the last one given for a line); every
 * other line's reason is cleared.
 * @returns the report as returned (its summary; the reasons are on the lines of GET /reports/:id)
 * @throws AppError not_found, forbidden, conflict (state or locked), version_conflict,
 *   validation_failed (`lines.<n>.lineId` not_found: not a line of this report)
 */
export async function returnReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, body: ReturnReportBody): Promise<UnitReport> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'return', body.version);
    const reasons = new Map(body.lines.map((l) => [l.lineId, l.reason]));
    const ids = [...reasons.keys()];
    // One statement: the named lines of this report take their reason, the others lose theirs.
    const reason = ids.length ? sql`case ${sql.join(ids.map((id) => sql`when ${reportLine.id} = ${id} then ${reasons.get(id)}`), sql` `)} else null end` : sql`null`;
    const touched = await tx
      .update(reportLine)
      .set({ returnReason: reason, updatedAt: new Date() })
      .where(and(eq(reportLine.reportId, reportId), or(isNotNull(reportLine.returnReason), inArray(reportLine.id, ids))))
      .returning({ id: reportLine.id });
    const known = new Set(touched.map((r) => r.id));
    const unknown = body.lines.flatMap((l, i) => (known.has(l.lineId) ? [] : [{ field: `lines.${i}.lineId`, issue: 'not_found' }]));
    if (unknown.length) throw fieldError(unknown);
    const counts = await lineCounts(tx, reportId);
    const comment = body.comment ?? null;
    return applyStep(tx, actor, c, 'return', counts, { state: 'returned', returnedAt: new Date(), returnComment: comment }, { comment, lines: body.lines }, (v) =>
      notifyUnit(tx, refOf(c), REPORT_STAFF, 'returned', `returned:${reportId}:${v}`),
    );
  });
}

/**
 * The office reopens a report locked by its closed cycle, or an accepted one: it goes back to the
 * unit as returned, with the reason recorded (and audited). Accepted figures stay accepted until
 * the report is accepted again.
 * @returns the report as reopened (its summary)
 * @throws AppError not_found, forbidden, conflict (state: neither locked nor accepted), version_conflict
 */
export async function reopenReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, body: ReopenReportBody): Promise<UnitReport> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'reopen', body.version);
    const locked = isLocked(c.cycle, c.report);
    if (!locked && c.report.state !== 'accepted') throw new AppError('conflict', { reason: 'state', state: c.report.state, action: 'reopen' });
    const counts = await lineCounts(tx, reportId);
    const set = { state: 'returned', reopenReason: body.reason, ...(c.cycle.state === 'closed' ? { reopenedAt: new Date() } : {}) };
    return applyStep(tx, actor, c, 'reopen', counts, set, { reason: body.reason, cycleClosed: c.cycle.state === 'closed' }, (v) =>
      notifyUnit(tx, refOf(c), REPORT_STAFF, 'reopened', `reopened:${reportId}:${v}`, { reason: body.reason }),
    );
  });
}

/** States in which a unit still owes its report. */
export const NOT_SUBMITTED: readonly ReportState[] = ['not_started', 'draft', 'returned'];

/**
 * The office reminds one unit of its report. Once per report and business date: a second click the
 * same day notifies nobody again.
 * @returns how many people were newly notified
 * @throws AppError not_found, conflict (state: already submitted; or the cycle locked it)
 */
export async function remindReport(db: DbOrTx, actor: Actor, zoneId: string, reportId: string): Promise<{ reports: number; notified: number }> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    if (!NOT_SUBMITTED.includes(c.report.state as ReportState)) throw new AppError('conflict', { reason: 'state', state: c.report.state, action: 'remind' });
    if (isLocked(c.cycle, c.report)) throw new AppError('conflict', { reason: 'locked', action: 'remind' });
    const notified = await notifyUnit(tx, refOf(c), REPORT_STAFF, 'remind', `remind:${reportId}:${c.asOf}`, { dueDate: c.cycle.dueDate });
    await recordAudit(tx, actor, { action: 'report.remind', objectType: 'unit_report', objectId: reportId, summary: { unitId: c.report.unitId, period: c.cycle.period, asOf: c.asOf, notified } });
    return { reports: 1, notified };
  });
}

