import type { DbOrTx } from '../client.js';
import { ANNUAL_PLAN_2021 } from './plan-2021-data.js';
import { insertDemoLeaders } from './plan-leaders.js';
import { type PlanRows, insertPlanRows, planRows } from './plan-insert.js';
import { STRATEGIC_PLAN } from './plan-strategic.js';
import { useProjectSources } from './projects-insert.js';

export interface DemoPlanCounts {
  leaders: number;
  plans: number;
  items: number;
  indicators: number;
  values: number;
}

/**
 * Loads the demo zone's plans from the seed page inside seedDemo's transaction: the 分管领导
 * accounts, the strategic plan "25311" and the 2021 work plan with their items, co-units,
 * alignments, indicators and accepted values. About a dozen statements in all.
 * @param unitIds DEMO_UNITS code → unit id
 * @param userIds demo username → user id; the added leaders are put into it
 */
export async function seedDemoPlans(tx: DbOrTx, zoneId: string, unitIds: ReadonlyMap<string, string>, userIds: Map<string, string>): Promise<DemoPlanCounts> {
  const committee = unitIds.get('GWH');
  if (!committee) throw new Error('demo plan data: the 管委会 unit GWH is missing');
  const leaders = await insertDemoLeaders(tx, zoneId, committee, userIds);
  const rows: PlanRows = { plans: [], items: [], coUnits: [], alignments: [], indicators: [], values: [] };
  const keys = new Map<string, string>();
  const ctx = { zoneId, unitIds, userIds };
  planRows(ctx, STRATEGIC_PLAN, keys, rows);
  planRows(ctx, ANNUAL_PLAN_2021, keys, rows);
  useProjectSources(rows);
  await insertPlanRows(tx, rows);
  return { leaders, plans: rows.plans.length, items: rows.items.length, indicators: rows.indicators.length, values: rows.values.length };
}
