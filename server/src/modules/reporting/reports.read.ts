import { type SQL, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { type ReportDetail, type ReportListQuery, type ReportState, type UnitReport, daysLate } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/evaluation.js';
import { unit } from '../units/units.table.js';
import { lineEvidence, lineFacts, lineInfos, lineView } from './report-lines.read.js';
import { DEFAULT_JUMP_BAND, type ReportScope, assertCanRead, staffUnits } from './reporting.policy.js';
import { type CycleRow, type ReportRow, isLocked } from './reporting.rows.js';
import { reportCycle, reportLine, unitReport } from './reporting.table.js';

/** Reading reports: the list with its counts and late flags, and one report with its lines. */

/** A line holding what it owes (as isFilled), and a flagged line without its note. */
const FILLED = sql`((${reportLine.kind} = 'indicator' and ${reportLine.value} is not null) or (${reportLine.kind} = 'project' and ${reportLine.completedInvestment} is not null) or (${reportLine.kind} = 'item' and ${reportLine.note} is not null))`;
const UNEXPLAINED = sql`(jsonb_array_length(${reportLine.flags}) > 0 and ${reportLine.note} is null)`;

const COUNTS = {
  lineCount: sql<number>`count(*)::int`.as('line_count'),
  filledCount: sql<number>`(count(*) filter (where ${FILLED}))::int`.as('filled_count'),
  unexplainedCount: sql<number>`(count(*) filter (where ${UNEXPLAINED}))::int`.as('unexplained_count'),
  returnedLineCount: sql<number>`(count(*) filter (where ${reportLine.returnReason} is not null))::int`.as('returned_line_count'),
};
export type LineCounts = Pick<UnitReport, 'lineCount' | 'filledCount' | 'unexplainedCount' | 'returnedLineCount'>;

/** The line counts by report: of the zone, or of one report. */
function lineStats(db: DbOrTx, zoneId: string, reportId?: string) {
  return db
    .select({ reportId: reportLine.reportId, ...COUNTS })
    .from(reportLine)
    .where(reportId ? eq(reportLine.reportId, reportId) : eq(reportLine.zoneId, zoneId))
    .groupBy(reportLine.reportId)
    .as('stats');
}

/** A line that keeps the report from being submitted: unfilled, or flagged without a note. */
export interface OpenLine {
  id: string;
  filled: boolean;
  flags: string[];
}

/** One report's line counts, and its open lines in position order, in one query. */
export async function lineTally(db: DbOrTx, reportId: string): Promise<LineCounts & { open: OpenLine[] }> {
  const [t] = await db
    .select({
      ...COUNTS,
      open: sql<OpenLine[]>`coalesce(json_agg(json_build_object('id', ${reportLine.id}, 'filled', ${FILLED}, 'flags', ${reportLine.flags}) order by ${reportLine.position}) filter (where not ${FILLED} or ${UNEXPLAINED}), '[]')`,
    })
    .from(reportLine)
    .where(eq(reportLine.reportId, reportId));
  return t ?? { lineCount: 0, filledCount: 0, unexplainedCount: 0, returnedLineCount: 0, open: [] };
}

/** One report's line counts. */
export async function lineCounts(db: DbOrTx, reportId: string): Promise<LineCounts> {
  const [t] = await db.select(COUNTS).from(reportLine).where(eq(reportLine.reportId, reportId));
  return t ?? { lineCount: 0, filledCount: 0, unexplainedCount: 0, returnedLineCount: 0 };
}

/** Days late as the list sorts and filters by it: submission (or the business date) after the due date. */
const lateDays = (asOf: string) => sql`greatest(0, coalesce(${unitReport.submittedOn}, ${asOf}::date) - ${reportCycle.dueDate})`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A report as lists and the review steps show it, from its rows, its unit's name, its line counts and the business date. */
export function reportSummary(r: ReportRow, c: CycleRow, unitName: string, s: LineCounts | undefined | null, asOf: string): UnitReport {
  const late = daysLate(c.dueDate, r.submittedOn, asOf);
  return {
    id: r.id,
    cycleId: c.id,
    period: c.period,
    unitId: r.unitId,
    unitName,
    state: r.state as ReportState,
    dueDate: c.dueDate,
    late: late > 0,
    daysLate: late,
    locked: isLocked(c, r),
    submittedAt: iso(r.submittedAt),
    submittedOn: r.submittedOn,
    approvedAt: iso(r.approvedAt),
    acceptedAt: iso(r.acceptedAt),
    returnedAt: iso(r.returnedAt),
    returnComment: r.returnComment,
    reopenReason: r.reopenReason,
    lineCount: s?.lineCount ?? 0,
    filledCount: s?.filledCount ?? 0,
    unexplainedCount: s?.unexplainedCount ?? 0,
    returnedLineCount: s?.returnedLineCount ?? 0,
    version: r.version,
  };
}

/** Reports matching `where` (always within one zone), in board order: newest period, latest first, then units. */
export async function reportViews(db: DbOrTx, zoneId: string, where: SQL, page?: { page: number; pageSize: number }, reportId?: string): Promise<UnitReport[]> {
  const asOf = await asOfDate(db, zoneId);
  const stats = lineStats(db, zoneId, reportId);
  const q = db
    .select({ report: unitReport, cycle: reportCycle, unitName: unit.name, stats: { lineCount: stats.lineCount, filledCount: stats.filledCount, unexplainedCount: stats.unexplainedCount, returnedLineCount: stats.returnedLineCount } })
    .from(unitReport)
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .innerJoin(unit, eq(unit.id, unitReport.unitId))
    .leftJoin(stats, eq(stats.reportId, unitReport.id))
    .where(and(eq(unitReport.zoneId, zoneId), where))
    .orderBy(desc(reportCycle.period), desc(lateDays(asOf)), asc(unit.sort), asc(unit.name), asc(unitReport.id));
  const rows = page ? await q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await q;
  return rows.map(({ report: r, cycle: c, unitName, stats: s }) => reportSummary(r, c, unitName, s, asOf));
}

/**
 * A page of the zone's reports. Unit staff see only their own units' reports whatever the filter;
 * the office and leaders see all; `scope=mine` keeps the caller's own units.
 */
export async function listReports(db: DbOrTx, scope: ReportScope, zoneId: string, query: ReportListQuery): Promise<{ items: UnitReport[]; total: number }> {
  const conds: SQL[] = [];
  if (!scope.seesAll || query.scope === 'mine') {
    const units = staffUnits(scope);
    if (units.length === 0) return { items: [], total: 0 };
    conds.push(inArray(unitReport.unitId, units));
  }
  if (query.cycleId) conds.push(eq(unitReport.cycleId, query.cycleId));
  if (query.unitId) conds.push(eq(unitReport.unitId, query.unitId));
  if (query.state) conds.push(eq(unitReport.state, query.state));
  if (query.late) {
    const asOf = await asOfDate(db, zoneId);
    conds.push(query.late === 'true' ? sql`${lateDays(asOf)} > 0` : sql`${lateDays(asOf)} = 0`);
  }
  const where = and(...conds) ?? sql`true`;
  const [n] = await db.select({ n: count() }).from(unitReport).innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId)).where(and(eq(unitReport.zoneId, zoneId), where));
  return { items: await reportViews(db, zoneId, where, query), total: n?.n ?? 0 };
}

/**
 * One report with its lines (by item code, then position), each with last month's accepted figure,
 * its flags and evidence.
 * @throws AppError not_found (not a report of the zone), forbidden (unit staff reading another unit's report)
 */
export async function getReport(db: DbOrTx, scope: ReportScope | null, zoneId: string, reportId: string): Promise<ReportDetail> {
  const [view] = await reportViews(db, zoneId, eq(unitReport.id, reportId), undefined, reportId);
  if (!view) throw new AppError('not_found');
  if (scope) assertCanRead(scope, view.unitId);
  const infos = await lineInfos(db, eq(reportLine.reportId, reportId));
  const facts = await lineFacts(db, view.period, infos);
  const evidence = await lineEvidence(db, infos.map((i) => i.line.id));
  return { ...view, jumpBand: DEFAULT_JUMP_BAND, lines: infos.map((i) => lineView(i, facts.get(i.line.id), evidence.get(i.line.id) ?? [])) };
}
