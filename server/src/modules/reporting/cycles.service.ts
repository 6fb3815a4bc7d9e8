import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import {
  type CreateCycleBody,
  type FieldIssue,
  REPORT_STATES,
  type ReportCycle,
  type ReportState,
  type UpdateCycleBody,
  defaultCycleDates,
} from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/evaluation.js';
import { owedLines } from './cycle-scope.js';
import { REPORT_STAFF, notifyUnit } from './reporting.notify.js';
import { type CycleRow, findCycle } from './reporting.rows.js';
import { reportCycle, reportLine, unitReport } from './reporting.table.js';
import { NOT_SUBMITTED } from './transitions.service.js';
import { unit } from '../units/units.table.js';

/** Reporting cycles: the office opens a month, moves its dates, closes it, and reminds the late. */

/** Cycles with their reports counted by state and the late ones (as of the zone's business date). */
async function cycleViews(db: DbOrTx, zoneId: string, rows: CycleRow[]): Promise<ReportCycle[]> {
  if (rows.length === 0) return [];
  const asOf = await asOfDate(db, zoneId);
  const byState = await db
    .select({
      cycleId: unitReport.cycleId,
      state: unitReport.state,
      n: sql<number>`count(*)::int`,
      late: sql<number>`(count(*) filter (where coalesce(${unitReport.submittedOn}, ${asOf}::date) > ${reportCycle.dueDate}))::int`,
    })
    .from(unitReport)
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .where(inArray(unitReport.cycleId, rows.map((r) => r.id)))
    .groupBy(unitReport.cycleId, unitReport.state);
  return rows.map((r) => {
    const counts = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>;
    let lateCount = 0;
    for (const s of byState.filter((b) => b.cycleId === r.id)) {
      counts[s.state as ReportState] = s.n;
      lateCount += s.late;
    }
    const reportCount = Object.values(counts).reduce((a, b) => a + b, 0);
    return { id: r.id, period: r.period, openDate: r.openDate, dueDate: r.dueDate, closeDate: r.closeDate, state: r.state as ReportCycle['state'], counts, reportCount, lateCount, version: r.version };
  });
}

/** A page of the zone's cycles, newest month first, optionally of one year. */
export async function listCycles(db: DbOrTx, zoneId: string, query: { page: number; pageSize: number; year?: number | undefined }): Promise<{ items: ReportCycle[]; total: number }> {
  const where = and(eq(reportCycle.zoneId, zoneId), query.year ? like(reportCycle.period, `${query.year}-%`) : undefined);
  const [n] = await db.select({ n: count() }).from(reportCycle).where(where);
  const rows = await db.select().from(reportCycle).where(where).orderBy(desc(reportCycle.period)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { items: await cycleViews(db, zoneId, rows), total: n?.n ?? 0 };
}

/** @throws AppError not_found */
export async function getCycle(db: DbOrTx, zoneId: string, cycleId: string): Promise<ReportCycle> {
  return (await cycleViews(db, zoneId, [await findCycle(db, zoneId, cycleId)]))[0]!;
}

/** Open ≤ due ≤ close, else the later date is named. */
function dateIssues(d: { openDate: string; dueDate: string; closeDate: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.dueDate < d.openDate) issues.push({ field: 'dueDate', issue: 'before_start', limit: d.openDate });
  if (d.closeDate < d.dueDate) issues.push({ field: 'closeDate', issue: 'before_start', limit: d.dueDate });
  return issues;
}

/** Opens one report per unit owing something for the period, with its lines. */
async function openReports(tx: DbOrTx, actor: Actor, zoneId: string, cycleId: string, period: string): Promise<{ reports: number; lines: number }> {
  const owed = await owedLines(tx, zoneId, period);
  let lines = 0;
  for (const [unitId, owedByUnit] of owed) {
    const [report] = await tx.insert(unitReport).values({ zoneId, cycleId, unitId, createdBy: actor.userId }).returning({ id: unitReport.id });
    const rows = owedByUnit.map((l, position) => ({ zoneId, reportId: report!.id, kind: l.kind, itemId: l.itemId, indicatorId: l.indicatorId, projectId: l.projectId, position, createdBy: actor.userId }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(reportLine).values(rows.slice(i, i + 500));
    lines += rows.length;
  }
  return { reports: owed.size, lines };
}

/**
 * Opens a month's cycle: dates default to the 1st, the 25th and the 5th of the next month; every
 * unit owing something gets a report holding it all (indicator values due that month, its projects'
 * progress, a note per annual-plan item it leads). One transaction, audited as `cycle.open`.
 * @throws AppError validation_failed (period taken; dueDate/closeDate before_start)
 */
export async function createCycle(db: DbOrTx, actor: Actor, zoneId: string, body: CreateCycleBody): Promise<ReportCycle> {
  return db.transaction(async (tx) => {
    const dates = { ...defaultCycleDates(body.period), ...Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== 'period' && v !== undefined)) } as ReturnType<typeof defaultCycleDates>;
    const issues = dateIssues(dates);
    const [taken] = await tx.select({ id: reportCycle.id }).from(reportCycle).where(and(eq(reportCycle.zoneId, zoneId), eq(reportCycle.period, body.period)));
    if (taken) issues.unshift({ field: 'period', issue: 'taken' });
    if (issues.length) throw fieldError(issues);
    const [row] = await tx.insert(reportCycle).values({ zoneId, period: body.period, ...dates, createdBy: actor.userId }).returning();
    const opened = await openReports(tx, actor, zoneId, row!.id, body.period);
    await recordAudit(tx, actor, { action: 'cycle.open', objectType: 'report_cycle', objectId: row!.id, summary: { period: body.period, ...dates, ...opened } });
    return getCycle(tx, zoneId, row!.id);
  });
}

const stateConflict = (c: CycleRow, action: string) => new AppError('conflict', { reason: 'state', state: c.state, action });

/**
 * Moves an open cycle's dates under the optimistic lock.
 * @throws AppError not_found, conflict (closed), version_conflict, validation_failed (before_start)
 */
export async function updateCycle(db: DbOrTx, actor: Actor, zoneId: string, cycleId: string, body: UpdateCycleBody): Promise<ReportCycle> {
  return db.transaction(async (tx) => {
    const before = await findCycle(tx, zoneId, cycleId, true);
    if (before.state !== 'open') throw stateConflict(before, 'update');
    if (before.version !== body.version) throw new AppError('version_conflict');
    const { version, ...change } = body;
    const dates = { openDate: change.openDate ?? before.openDate, dueDate: change.dueDate ?? before.dueDate, closeDate: change.closeDate ?? before.closeDate };
    const issues = dateIssues(dates);
    if (issues.length) throw fieldError(issues);
    await tx.update(reportCycle).set({ ...dates, version: version + 1, updatedAt: new Date() }).where(eq(reportCycle.id, cycleId));
    const old = { openDate: before.openDate, dueDate: before.dueDate, closeDate: before.closeDate };
    await recordAudit(tx, actor, { action: 'cycle.update', objectType: 'report_cycle', objectId: cycleId, summary: { period: before.period, before: old, after: dates } });
    return getCycle(tx, zoneId, cycleId);
  });
}

/**
 * Closes a cycle (the office, or the scheduler after the close date): its reports are locked from
 * now on; the office may reopen one with a reason. Audited as `cycle.close`.
 * @param version the version read; omitted by the scheduler, which closes whatever is there
 * @throws AppError not_found, conflict (already closed), version_conflict
 */
export async function closeCycle(db: DbOrTx, actor: Actor, zoneId: string, cycleId: string, version?: number): Promise<ReportCycle> {
  return db.transaction(async (tx) => {
    const before = await findCycle(tx, zoneId, cycleId, true);
    if (before.state !== 'open') throw stateConflict(before, 'close');
    if (version !== undefined && before.version !== version) throw new AppError('version_conflict');
    await tx.update(reportCycle).set({ state: 'closed', closedAt: new Date(), version: before.version + 1, updatedAt: new Date() }).where(eq(reportCycle.id, cycleId));
    const open = await tx
      .select({ state: unitReport.state, n: sql<number>`count(*)::int` })
      .from(unitReport)
      .where(eq(unitReport.cycleId, cycleId))
      .groupBy(unitReport.state);
    const byState = Object.fromEntries(open.map((o) => [o.state, o.n]));
    await recordAudit(tx, actor, { action: 'cycle.close', objectType: 'report_cycle', objectId: cycleId, summary: { period: before.period, closeDate: before.closeDate, reports: byState, automatic: version === undefined } });
    return getCycle(tx, zoneId, cycleId);
  });
}

/**
 * Reminds the staff of every unit whose report is not yet submitted. Once per report and business
 * date, so a double click (or two office users) notifies each person once.
 * @returns reports reminded and people newly notified
 * @throws AppError not_found, conflict (cycle closed)
 */
export async function remindCycle(db: DbOrTx, actor: Actor, zoneId: string, cycleId: string): Promise<{ reports: number; notified: number }> {
  return db.transaction(async (tx) => {
    const c = await findCycle(tx, zoneId, cycleId);
    if (c.state !== 'open') throw stateConflict(c, 'remind');
    const asOf = await asOfDate(tx, zoneId);
    const owing = await tx
      .select({ id: unitReport.id, unitId: unitReport.unitId, unitName: unit.name })
      .from(unitReport)
      .innerJoin(unit, eq(unit.id, unitReport.unitId))
      .where(and(eq(unitReport.cycleId, cycleId), inArray(unitReport.state, [...NOT_SUBMITTED])));
    let notified = 0;
    for (const r of owing) {
      const ref = { zoneId, reportId: r.id, unitId: r.unitId, unitName: r.unitName, period: c.period };
      notified += await notifyUnit(tx, ref, REPORT_STAFF, 'remind', `remind:${r.id}:${asOf}`, { dueDate: c.dueDate });
    }
    await recordAudit(tx, actor, { action: 'cycle.remind', objectType: 'report_cycle', objectId: cycleId, summary: { period: c.period, asOf, reports: owing.length, notified } });
    return { reports: owing.length, notified };
  });
}
