import { and, eq, gte, inArray, isNotNull, lte, ne, or } from 'drizzle-orm';
import type { LineKind } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { compareCodes } from '../exchange/exchange.cells.js';
import { indicator } from '../indicators/indicators.table.js';
import { plan, planItem } from '../plans/plans.table.js';
import { project, projectMilestone } from '../projects/projects.table.js';
import { unit } from '../units/units.table.js';

/** What each unit owes for a month: the lines a cycle's reports are opened with. */

export interface OwedLine {
  kind: LineKind;
  itemId: string | null;
  indicatorId: string | null;
  projectId: string | null;
  /** Sort keys for the position: plan kind, item code, then order within the item. */
  planKind: string | null;
  itemCode: string | null;
  order: number;
}

/** Whether an indicator of this frequency owes a value for month `m` (1–12). */
export function dueInMonth(frequency: string, m: number): boolean {
  if (frequency === 'quarterly') return m % 3 === 0;
  if (frequency === 'half_yearly') return m % 6 === 0;
  if (frequency === 'annual') return m === 12;
  return true;
}

/** Values of reported indicators of the year due this month; the reporting unit, else the item's lead unit, reports them. */
async function indicatorLines(db: DbOrTx, zoneId: string, year: number, month: number): Promise<[string, OwedLine][]> {
  const rows = await db
    .select({ id: indicator.id, itemId: indicator.itemId, frequency: indicator.frequency, reportingUnitId: indicator.reportingUnitId, leadUnitId: planItem.leadUnitId, planKind: plan.kind, code: planItem.code, position: indicator.position })
    .from(indicator)
    .innerJoin(planItem, eq(planItem.id, indicator.itemId))
    .innerJoin(plan, eq(plan.id, planItem.planId))
    .where(and(eq(indicator.zoneId, zoneId), eq(indicator.year, year), eq(indicator.source, 'reported'), ne(plan.status, 'archived')));
  return rows
    .filter((r) => dueInMonth(r.frequency, month) && (r.reportingUnitId ?? r.leadUnitId))
    .map((r) => [r.reportingUnitId ?? r.leadUnitId!, { kind: 'indicator', itemId: r.itemId, indicatorId: r.id, projectId: null, planKind: r.planKind, itemCode: r.code, order: r.position }]);
}

/** A progress note for every item a unit leads in the year's annual work plans. */
async function itemLines(db: DbOrTx, zoneId: string, year: number): Promise<[string, OwedLine][]> {
  const rows = await db
    .select({ id: planItem.id, leadUnitId: planItem.leadUnitId, code: planItem.code })
    .from(planItem)
    .innerJoin(plan, eq(plan.id, planItem.planId))
    .where(and(eq(planItem.zoneId, zoneId), eq(plan.kind, 'annual'), ne(plan.status, 'archived'), lte(plan.startYear, year), gte(plan.endYear, year), isNotNull(planItem.leadUnitId)));
  // Notes come after the item's indicators.
  return rows.map((r) => [r.leadUnitId!, { kind: 'item', itemId: r.id, indicatorId: null, projectId: null, planKind: 'annual', itemCode: r.code, order: 1_000_000 }]);
}

/** Monthly progress of the projects a unit leads: not yet in production, or reaching production this year. */
async function projectLines(db: DbOrTx, zoneId: string, year: number): Promise<[string, OwedLine][]> {
  const rows = await db
    .select({ id: project.id, leadUnitId: project.leadUnitId, code: project.code })
    .from(project)
    .leftJoin(projectMilestone, and(eq(projectMilestone.projectId, project.id), eq(projectMilestone.stage, 'in_production')))
    .where(
      and(
        eq(project.zoneId, zoneId),
        isNotNull(project.leadUnitId),
        lte(project.year, year),
        or(ne(project.stage, 'in_production'), gte(projectMilestone.actualDate, `${year}-01-01`)),
      ),
    );
  const sorted = rows.sort((a, b) => a.code.localeCompare(b.code));
  return sorted.map((r, i) => [r.leadUnitId!, { kind: 'project', itemId: null, indicatorId: null, projectId: r.id, planKind: null, itemCode: null, order: i }]);
}

const planRank = (k: string | null) => (k === 'annual' ? 0 : k === null ? 2 : 1);
function lineOrder(a: OwedLine, b: OwedLine): number {
  const p = planRank(a.planKind) - planRank(b.planKind);
  if (p) return p;
  if (a.itemCode && b.itemCode && a.itemCode !== b.itemCode) return compareCodes(a.itemCode, b.itemCode);
  return a.order - b.order;
}

/**
 * Everything each active unit of the zone owes for `period` (YYYY-MM), in report order.
 * Units owing nothing are absent.
 */
export async function owedLines(db: DbOrTx, zoneId: string, period: string): Promise<Map<string, OwedLine[]>> {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const all = [...(await indicatorLines(db, zoneId, year, month)), ...(await itemLines(db, zoneId, year)), ...(await projectLines(db, zoneId, year))];
  const unitIds = [...new Set(all.map(([u]) => u))];
  const active = unitIds.length
    ? new Set((await db.select({ id: unit.id }).from(unit).where(and(inArray(unit.id, unitIds), eq(unit.active, true)))).map((u) => u.id))
    : new Set<string>();
  const out = new Map<string, OwedLine[]>();
  for (const [u, line] of all) if (active.has(u)) (out.get(u) ?? out.set(u, []).get(u)!).push(line);
  for (const lines of out.values()) lines.sort(lineOrder);
  return out;
}
