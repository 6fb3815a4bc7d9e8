import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Overlay } from '../indicators/evaluation.js';
import { indicator } from '../indicators/indicators.table.js';
import { planItem } from '../plans/plans.table.js';
import { reportCycle, reportLine, unitReport } from './reporting.table.js';

/** Reports on their way to the office, whose figures the plan page may preview ("including submitted"). */
const IN_REVIEW = ['submitted', 'unit_approved'];

/**
 * The figures of reports submitted or approved by their unit, in open cycles, for the indicators
 * of a plan: indicator id → (period → value). Laid over the accepted series they show what the
 * plan would look like once accepted; they never count in statuses on their own. Project progress
 * in review is included too, for the plan's project-driven indicators.
 */
export async function submittedOverlay(db: DbOrTx, zoneId: string, planId: string): Promise<Overlay> {
  const inReview = and(eq(reportLine.zoneId, zoneId), inArray(unitReport.state, IN_REVIEW), eq(reportCycle.state, 'open'));
  const rows = await db
    .select({ indicatorId: reportLine.indicatorId, period: reportCycle.period, value: sql<string>`${reportLine.value}::text` })
    .from(reportLine)
    .innerJoin(unitReport, eq(unitReport.id, reportLine.reportId))
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .innerJoin(indicator, eq(indicator.id, reportLine.indicatorId))
    .innerJoin(planItem, eq(planItem.id, indicator.itemId))
    .where(and(inReview, eq(reportLine.kind, 'indicator'), isNotNull(reportLine.value), eq(planItem.planId, planId)));
  const values = new Map<string, Map<string, string>>();
  for (const r of rows) (values.get(r.indicatorId!) ?? values.set(r.indicatorId!, new Map()).get(r.indicatorId!)!).set(r.period, r.value);
  const projectRows = await db
    .select({ projectId: reportLine.projectId, period: reportCycle.period, completed: reportLine.completedInvestment })
    .from(reportLine)
    .innerJoin(unitReport, eq(unitReport.id, reportLine.reportId))
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .where(and(inReview, eq(reportLine.kind, 'project'), isNotNull(reportLine.completedInvestment)));
  const progress = new Map<string, Map<string, number>>();
  for (const r of projectRows) (progress.get(r.projectId!) ?? progress.set(r.projectId!, new Map()).get(r.projectId!)!).set(r.period, r.completed!);
  return { values, progress };
}
