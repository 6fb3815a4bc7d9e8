import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { type FieldIssue, type ReportAction, type ReportDetail, type ReportState, type ReturnReportBody, type ReopenReportBody, transitionRefusal } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isFilled } from './report-lines.read.js';
import { type ReportScope, assertCanAct, rolesFor } from './reporting.policy.js';
import { REPORT_STAFF, type ReportRef, notifyOffice, notifyUnit } from './reporting.notify.js';
import { type ReportContext, isLocked, loadReport } from './reporting.rows.js';
import { reportLine, unitReport } from './reporting.table.js';
import { getReport } from './reports.read.js';

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
 * behind each other's notifications. Callers build their answer after the commit.
 */
export async function applyStep(
  tx: DbOrTx,
  actor: Actor,
  c: ReportContext,
  action: ReportAction,
  set: Partial<typeof unitReport.$inferInsert>,
  summary: Record<string, unknown> = {},
  then?: (version: number) => Promise<unknown>,
): Promise<number> {
  const version = c.report.version + 1;
  await tx.update(unitReport).set({ ...set, version, updatedAt: new Date() }).where(eq(unitReport.id, c.report.id));
  await then?.(version);
  await recordAudit(tx, actor, {
    action: `report.${action}`,
    objectType: 'unit_report',
    objectId: c.report.id,
    summary: { unitId: c.report.unitId, period: c.cycle.period, before: { state: c.report.state }, after: { state: set.state ?? c.report.state }, ...summary },
  });
  return version;
}

/** Every line filled, and every flagged line explained: else the field errors naming each line. */
async function submitIssues(tx: DbOrTx, reportId: string): Promise<FieldIssue[]> {
  const lines = await tx.select().from(reportLine).where(eq(reportLine.reportId, reportId)).orderBy(reportLine.position);
  const issues: FieldIssue[] = [];
  for (const l of lines) {
    if (!isFilled(l)) issues.push({ field: `lines.${l.id}`, issue: 'required' });
    else if (l.flags.length > 0 && l.note === null) issues.push({ field: `lines.${l.id}.note`, issue: 'explain_flag', limit: l.flags.join(',') });
  }
  return issues;
}

/**
 * Submits a draft (or returned) report to the unit head. Every line must be filled and every
 * flagged line explained by a note. The zone's business date is the submission date for the late flag.
 * @throws AppError not_found, forbidden (not staff of the unit), conflict (state or locked), version_conflict,
 *   validation_failed (`lines.<id>` required, `lines.<id>.note` explain_flag)
 */
export async function submitReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, version: number): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'submit', version);
    const issues = await submitIssues(tx, reportId);
    if (issues.length) throw fieldError(issues);
    await applyStep(tx, actor, c, 'submit', { state: 'submitted', submittedAt: new Date(), submittedOn: c.asOf }, { submittedOn: c.asOf, dueDate: c.cycle.dueDate }, (v) =>
      notifyUnit(tx, refOf(c), ['unit_head'], 'submitted', `submitted:${reportId}:${v}`),
    );
  });
  return getReport(db, null, zoneId, reportId);
}

/**
 * The unit head approves the unit's submitted report; it goes to the office.
 * @throws AppError not_found, forbidden (not the unit's head), conflict (state or locked), version_conflict
 */
export async function approveReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, version: number): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'approve', version);
    await applyStep(tx, actor, c, 'approve', { state: 'unit_approved', approvedAt: new Date() }, {}, (v) => notifyOffice(tx, refOf(c), 'approved', `approved:${reportId}:${v}`));
  });
  return getReport(db, null, zoneId, reportId);
}

/**
 * Returns a report for correction with a reason per line: the unit head a submitted report, the
 * office an approved one. The named lines get their reason; every other line's reason is cleared.
 * @throws AppError not_found, forbidden, conflict (state or locked), version_conflict,
 *   validation_failed (`lines.<n>.lineId` not_found: not a line of this report)
 */
export async function returnReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, body: ReturnReportBody): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'return', body.version);
    const ids = [...new Set(body.lines.map((l) => l.lineId))];
    const known = new Set((await tx.select({ id: reportLine.id }).from(reportLine).where(and(eq(reportLine.reportId, reportId), inArray(reportLine.id, ids)))).map((r) => r.id));
    const unknown = body.lines.flatMap((l, i) => (known.has(l.lineId) ? [] : [{ field: `lines.${i}.lineId`, issue: 'not_found' }]));
    if (unknown.length) throw fieldError(unknown);
    await tx.update(reportLine).set({ returnReason: null, updatedAt: new Date() }).where(and(eq(reportLine.reportId, reportId), isNotNull(reportLine.returnReason), notInArray(reportLine.id, ids)));
    for (const l of body.lines) await tx.update(reportLine).set({ returnReason: l.reason, updatedAt: new Date() }).where(eq(reportLine.id, l.lineId));
    const comment = body.comment ?? null;
    await applyStep(tx, actor, c, 'return', { state: 'returned', returnedAt: new Date(), returnComment: comment }, { comment, lines: body.lines }, (v) =>
      notifyUnit(tx, refOf(c), REPORT_STAFF, 'returned', `returned:${reportId}:${v}`),
    );
  });
  return getReport(db, null, zoneId, reportId);
}

/**
 * The office reopens a report locked by its closed cycle, or an accepted one: it goes back to the
 * unit as returned, with the reason recorded (and audited). Accepted figures stay accepted until
 * the report is accepted again.
 * @throws AppError not_found, forbidden, conflict (state: neither locked nor accepted), version_conflict
 */
export async function reopenReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, body: ReopenReportBody): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'reopen', body.version);
    const locked = isLocked(c.cycle, c.report);
    if (!locked && c.report.state !== 'accepted') throw new AppError('conflict', { reason: 'state', state: c.report.state, action: 'reopen' });
    const set = { state: 'returned', reopenReason: body.reason, ...(c.cycle.state === 'closed' ? { reopenedAt: new Date() } : {}) };
    await applyStep(tx, actor, c, 'reopen', set, { reason: body.reason, cycleClosed: c.cycle.state === 'closed' }, (v) =>
      notifyUnit(tx, refOf(c), REPORT_STAFF, 'reopened', `reopened:${reportId}:${v}`, { reason: body.reason }),
    );
  });
  return getReport(db, null, zoneId, reportId);
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

