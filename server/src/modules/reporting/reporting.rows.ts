import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { unit } from '../units/units.table.js';
import { zone } from '../zones/zones.table.js';
import { reportCycle, reportLine, unitReport } from './reporting.table.js';

/** Loading and locking the reporting rows every service starts from. */

export type CycleRow = typeof reportCycle.$inferSelect;
export type ReportRow = typeof unitReport.$inferSelect;
export type LineRow = typeof reportLine.$inferSelect;

/**
 * A cycle of the zone, locked for update when asked.
 * @throws AppError not_found
 */
export async function findCycle(db: DbOrTx, zoneId: string, cycleId: string, forUpdate = false): Promise<CycleRow> {
  const q = db.select().from(reportCycle).where(and(eq(reportCycle.id, cycleId), eq(reportCycle.zoneId, zoneId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

export interface ReportContext {
  report: ReportRow;
  cycle: CycleRow;
  unitName: string;
  /** The zone's business date. */
  asOf: string;
}

/**
 * A report of the zone with its cycle, unit name and the zone's business date. Locking the report
 * row serialises every change of the report and its lines (edits, transitions, acceptance).
 * @throws AppError not_found (no such report in the zone)
 */
export async function loadReport(db: DbOrTx, zoneId: string, reportId: string, forUpdate = false): Promise<ReportContext> {
  // One round trip: the report (its row alone locked) with its cycle, unit name and business date.
  const q = db
    .select({ report: unitReport, cycle: reportCycle, unitName: unit.name, asOf: zone.asOfDate })
    .from(unitReport)
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .innerJoin(unit, eq(unit.id, unitReport.unitId))
    .innerJoin(zone, eq(zone.id, reportCycle.zoneId))
    .where(and(eq(unitReport.id, reportId), eq(unitReport.zoneId, zoneId)));
  const [row] = forUpdate ? await q.for('update', { of: unitReport }) : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * A closed cycle locks its reports; a report the office reopened stays open until it is accepted again.
 * (reopenedAt is only set when reopening a report of a closed cycle.)
 */
export const isLocked = (cycle: CycleRow, report: ReportRow): boolean => cycle.state === 'closed' && !(report.reopenedAt !== null && report.state !== 'accepted');

/**
 * A line of the report.
 * @throws AppError not_found
 */
export async function findLine(db: DbOrTx, reportId: string, lineId: string, forUpdate = false): Promise<LineRow> {
  const q = db.select().from(reportLine).where(and(eq(reportLine.id, lineId), eq(reportLine.reportId, reportId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

