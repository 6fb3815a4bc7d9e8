import { defaultCycleDates } from '@lantu/core';
import type { Db } from '../../server/src/db/client.js';
import { owedLines } from '../../server/src/modules/reporting/cycle-scope.js';
import type { ZoneCtx } from './gen-org.js';
import { OPEN_PERIOD } from './sizes.js';

export interface ReportingFacts {
  cycleId: string;
  reports: number;
  lines: number;
  /** For audit events that refer to reports. */
  reportIds: string[];
}

/**
 * The open cycle of the business month, with one not-started report per unit owing something and
 * its lines — what the reporting module's createCycle opens, decided by its own owedLines, so the
 * submission benchmark fills and submits exactly what the app would ask for. The zone's other
 * rows must be written (flushed) first.
 */
export async function generateReporting(c: ZoneCtx, db: Db): Promise<ReportingFacts> {
  const cycleId = c.rng.uuid();
  const dates = defaultCycleDates(OPEN_PERIOD);
  await c.w.add('report_cycle', {
    id: cycleId, zone_id: c.zoneId, period: OPEN_PERIOD, open_date: dates.openDate, due_date: dates.dueDate, close_date: dates.closeDate, state: 'open',
    closed_at: null, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
  });
  const owed = await owedLines(db, c.zoneId, OPEN_PERIOD);
  let lines = 0;
  const reportIds: string[] = [];
  for (const [unitId, list] of owed) {
    const reportId = c.rng.uuid();
    reportIds.push(reportId);
    await c.w.add('unit_report', { id: reportId, zone_id: c.zoneId, cycle_id: cycleId, unit_id: unitId, state: 'not_started', created_at: c.ts, updated_at: c.ts, created_by: null, version: 0 });
    for (const [position, l] of list.entries()) {
      await c.w.add('report_line', {
        id: c.rng.uuid(), zone_id: c.zoneId, report_id: reportId, kind: l.kind, item_id: l.itemId, indicator_id: l.indicatorId, project_id: l.projectId,
        flags: [], position, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
      });
      lines++;
    }
  }
  return { cycleId, reports: owed.size, lines, reportIds };
}
