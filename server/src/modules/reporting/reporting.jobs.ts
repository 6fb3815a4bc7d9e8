import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Job } from '../notifications/scheduler.js';
import { unit } from '../units/units.table.js';
import { zone } from '../zones/zones.table.js';
import { closeCycle } from './cycles.service.js';
import { REPORT_STAFF, notifyUnit } from './reporting.notify.js';
import { reportCycle, unitReport } from './reporting.table.js';
import { NOT_SUBMITTED } from './transitions.service.js';

/**
 * The reporting work of the in-server scheduler. Every job judges each zone as of its own business
 * date and is safe to repeat: reminders carry dedupe keys (any number of runs or runners notify
 * each person once), closing an already closed cycle is skipped.
 */

const DAY_MS = 86_400_000;
const dayDiff = (later: string, earlier: string) => Math.round((Date.parse(later) - Date.parse(earlier)) / DAY_MS);

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * What a not-yet-submitted report is owed as of the business date: a due-soon reminder in the
 * 3 days and again the last day before the due date, and an overdue one on the first day late and
 * then once a week. The key names the stage, so each stage reaches each person once.
 */
export function reminderFor(dueDate: string, asOf: string, reportId: string): { kind: 'due_soon' | 'overdue'; key: string; days: number } | null {
  const left = dayDiff(dueDate, asOf);
  if (left > 3) return null;
  if (left > 1) return { kind: 'due_soon', key: `due_soon:3:${reportId}`, days: left };
  if (left >= 0) return { kind: 'due_soon', key: `due_soon:1:${reportId}`, days: left };
  const late = -left;
  return { kind: 'overdue', key: `overdue:${reportId}:w${Math.floor((late - 1) / 7)}`, days: late };
}

/** Due-soon and overdue reminders for the open cycles of every zone. */
export const remindersJob: Job = {
  name: 'reporting.reminders',
  async run(db: Db) {
    const rows = await db
      .select({ id: unitReport.id, zoneId: unitReport.zoneId, unitId: unitReport.unitId, unitName: unit.name, period: reportCycle.period, dueDate: reportCycle.dueDate, asOf: zone.asOfDate })
      .from(unitReport)
      .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
      .innerJoin(zone, eq(zone.id, unitReport.zoneId))
      .innerJoin(unit, eq(unit.id, unitReport.unitId))
      .where(and(eq(reportCycle.state, 'open'), inArray(unitReport.state, [...NOT_SUBMITTED])));
    for (const r of rows) {
      const due = reminderFor(r.dueDate, r.asOf, r.id);
      if (!due) continue;
      const ref = { zoneId: r.zoneId, reportId: r.id, unitId: r.unitId, unitName: r.unitName, period: r.period };
      await db.transaction((tx) => notifyUnit(tx, ref, REPORT_STAFF, due.kind, due.key, { days: due.days, dueDate: r.dueDate }));
    }
  },
};

/** Closes the open cycles whose close date lies before their zone's business date (audited, by the system). */
export const closeCyclesJob: Job = {
  name: 'reporting.close',
  async run(db: Db) {
    const due = await db
      .select({ id: reportCycle.id, zoneId: reportCycle.zoneId })
      .from(reportCycle)
      .innerJoin(zone, eq(zone.id, reportCycle.zoneId))
      .where(and(eq(reportCycle.state, 'open'), lt(reportCycle.closeDate, zone.asOfDate)));
    for (const c of due) {
      try {
        await closeCycle(db, { ...SYSTEM_ACTOR, zoneId: c.zoneId }, c.zoneId, c.id);
      } catch (e) {
        // Closed meanwhile by the office: nothing left to do for this one.
        if (!(e instanceof AppError && e.code === 'conflict')) throw e;
      }
    }
  },
};

/**
 * Moves the business date of every real zone to today in Asia/Shanghai (forward only). Demo zones
 * stay frozen at the date of their source document.
 */
export const advanceBusinessDate: Job = {
  name: 'reporting.advance_business_date',
  async run(db: Db, now: Date) {
    const today = shanghaiDate(now);
    const behind = await db.select().from(zone).where(and(eq(zone.isDemo, false), lt(zone.asOfDate, today)));
    for (const z of behind) {
      await db.transaction(async (tx) => {
        const [moved] = await tx
          .update(zone)
          .set({ asOfDate: today, version: z.version + 1, updatedAt: new Date() })
          .where(and(eq(zone.id, z.id), eq(zone.version, z.version)))
          .returning({ id: zone.id });
        if (!moved) return;
        await recordAudit(tx, { ...SYSTEM_ACTOR, zoneId: z.id }, { action: 'zone.advance_business_date', objectType: 'zone', objectId: z.id, summary: { before: { asOfDate: z.asOfDate }, after: { asOfDate: today } } });
      });
    }
  },
};

/** In order: the date moves first, so closing and reminders judge today. */
export const reportingJobs: Job[] = [advanceBusinessDate, closeCyclesJob, remindersJob];
