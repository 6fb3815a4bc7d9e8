import { type AnyColumn, type SQL, and, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_ROLLUP_SCORES,
  DEFAULT_THRESHOLDS,
  type Evaluation,
  type RollupItem,
  type RollupResult,
  type RollupScores,
  type Thresholds,
  rollup,
} from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { zone } from '../zones/zones.table.js';
import { indicator } from '../indicators/indicators.table.js';
import { INDICATOR_FIELDS, type IndicatorRow, type Overlay, evaluateRow, loadSeries, thresholdsOf } from '../indicators/evaluation.js';
import { asText, jsonRows } from './json-rows.js';
import { plan, planItem } from './plans.table.js';
import { childrenOf } from './tree.js';
import { auditEvent } from '../audit/audit.table.js';
import { cachedEvaluation, evaluationOnce } from './evaluation.cache.js';

export type PlanRow = typeof plan.$inferSelect;
/** What the plan page and the roll-up need of an item row (a full row will do). */
export type ItemRow = Omit<typeof planItem.$inferSelect, 'zoneId' | 'createdAt' | 'updatedAt' | 'createdBy'>;

const ITEM_FIELDS: { [K in keyof ItemRow]: AnyColumn | SQL } = {
  id: planItem.id,
  planId: planItem.planId,
  parentId: planItem.parentId,
  position: planItem.position,
  code: planItem.code,
  title: planItem.title,
  description: planItem.description,
  leadUnitId: planItem.leadUnitId,
  leaderId: planItem.leaderId,
  ownerId: planItem.ownerId,
  weight: asText(planItem.weight),
  startDate: planItem.startDate,
  dueDate: planItem.dueDate,
  progressMethod: planItem.progressMethod,
  manualProgress: asText(planItem.manualProgress),
  isPublic: planItem.isPublic,
  version: planItem.version,
};

/** A plan (or a subtree of it) judged as of the zone's business date. */
export interface PlanEvaluation {
  asOf: string;
  plan: PlanRow;
  /** The items evaluated: the whole plan, or one item and its descendants. */
  items: ItemRow[];
  indicators: IndicatorRow[];
  /** By indicator id; judged without the year-end forecast (`forecast` null, `atRisk` false): roll-ups do not read it. */
  evaluations: Map<string, Evaluation>;
  /** By item id; for a whole plan also by the plan id (the plan's own roll-up, `redBelow` = red items in it). */
  results: Map<string, RollupResult>;
}

/** The plan's roll-up thresholds and status scores (defaults overridden by the plan). */
export function rollupSettings(p: PlanRow): { thresholds: Thresholds; scores: RollupScores } {
  const o = p.thresholds ?? {};
  return {
    thresholds: { ...DEFAULT_THRESHOLDS, ...thresholdsOf(o) },
    scores: { green: o.scoreGreen ?? DEFAULT_ROLLUP_SCORES.green, yellow: o.scoreYellow ?? DEFAULT_ROLLUP_SCORES.yellow, red: o.scoreRed ?? DEFAULT_ROLLUP_SCORES.red },
  };
}

/**
 * The newest audit event of the zone, or of no zone, but for sign-ins (see evaluation.cache.ts):
 * one probe each of the (zone_id, id) index. The zone is given as a range, not an equality, so
 * the planner keeps zone_id in the order and takes that index: with an equality it may walk the
 * primary key backwards through every other zone's events instead.
 */
const stampOf = (zoneId: string) => {
  const newest = (zone: SQL) =>
    sql`(select ${auditEvent.id} from ${auditEvent} where ${zone} and ${auditEvent.action} not like 'auth.%' order by ${auditEvent.zoneId} desc, ${auditEvent.id} desc limit 1)`;
  const inZone = sql`${auditEvent.zoneId} >= ${zoneId} and ${auditEvent.zoneId} <= ${zoneId}`;
  return sql<string>`coalesce(greatest(${newest(inZone)}, ${newest(sql`${auditEvent.zoneId} is null`)}), 0)::text`;
};

/**
 * Loads a plan of the zone with the zone's business date and the stamp of its data. @throws AppError not_found
 */
export async function loadPlan(db: DbOrTx, zoneId: string, planId: string): Promise<{ plan: PlanRow; asOf: string; stamp: string }> {
  const [row] = await db
    .select({ plan, asOf: zone.asOfDate, stamp: stampOf(zoneId) })
    .from(plan)
    .innerJoin(zone, eq(zone.id, plan.zoneId))
    .where(and(eq(plan.id, planId), eq(plan.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return row;
}

function evaluate(asOf: string, p: PlanRow, items: ItemRow[], indicators: IndicatorRow[], series: Awaited<ReturnType<typeof loadSeries>>, root: RollupItem | null): PlanEvaluation {
  const evaluations = new Map(indicators.map((r) => [r.id, evaluateRow(r, series, asOf, p.thresholds, false)]));
  const indicatorsOf = new Map<string, RollupItem['indicators']>();
  for (const r of indicators) {
    const list = indicatorsOf.get(r.itemId) ?? [];
    list.push({ kind: r.kind as RollupItem['indicators'][number]['kind'], weight: Number(r.weight), evaluation: evaluations.get(r.id)! });
    indicatorsOf.set(r.itemId, list);
  }
  const byParent = childrenOf(items);
  const build = (it: ItemRow): RollupItem => ({
    id: it.id,
    weight: Number(it.weight),
    method: it.progressMethod as RollupItem['method'],
    manualProgress: it.manualProgress === null ? null : Number(it.manualProgress) / 100,
    indicators: indicatorsOf.get(it.id) ?? [],
    children: (byParent.get(it.id) ?? []).map(build),
  });
  const { thresholds, scores } = rollupSettings(p);
  const results = new Map<string, RollupResult>();
  if (root) {
    root.children = (byParent.get(null) ?? []).map(build);
    rollup(root, thresholds, scores, results);
  } else {
    const ids = new Set(items.map((i) => i.id));
    for (const top of items.filter((i) => !i.parentId || !ids.has(i.parentId))) rollup(build(top), thresholds, scores, results);
  }
  return { asOf, plan: p, items, indicators, evaluations, results };
}

/** Items of a plan, or of a subtree given as an SQL set of ids, with their indicators. */
async function loadTree(db: DbOrTx, itemsWhere: SQL): Promise<{ items: ItemRow[]; indicators: IndicatorRow[] }> {
  const items = await jsonRows<ItemRow>(db, ITEM_FIELDS, sql`from ${planItem} where ${itemsWhere}`);
  const indicators = await jsonRows<IndicatorRow>(db, INDICATOR_FIELDS, sql`from ${indicator} where ${indicator.itemId} in (select ${planItem.id} from ${planItem} where ${itemsWhere})`);
  return { items, indicators };
}

/**
 * Judges a whole plan as of the zone's business date in a handful of queries: the plan, its items,
 * their indicators, the accepted values (and what formulas reference), then the arithmetic in memory.
 * @param overlay figures in review laid over the accepted ones (a preview; statuses never depend on it otherwise)
 * @throws AppError not_found when the plan is not in the zone
 */
export async function evaluatePlan(db: DbOrTx, zoneId: string, planId: string, overlay?: Overlay): Promise<PlanEvaluation> {
  const { plan: p, asOf, stamp } = await loadPlan(db, zoneId, planId);
  const compute = async () => {
    const { items, indicators } = await loadTree(db, sql`${planItem.planId} = ${planId}`);
    const series = await loadSeries(db, zoneId, indicators, planId, asOf, overlay, { lastYear: false });
    return evaluate(asOf, p, items, indicators, series, { id: p.id, weight: 1, method: 'children', indicators: [], children: [] });
  };
  return overlay ? compute() : evaluationOnce(db, planId, asOf, stamp, compute);
}

/**
 * Judges one item and everything below it (all its roll-up depends on), without the rest of the plan
 * (or answers the whole plan's evaluation when it is held).
 * @throws AppError not_found when the item is not in the zone
 */
export async function evaluateSubtree(db: DbOrTx, zoneId: string, itemId: string): Promise<PlanEvaluation> {
  const [head] = await db.select({ planId: planItem.planId }).from(planItem).where(and(eq(planItem.id, itemId), eq(planItem.zoneId, zoneId)));
  if (!head) throw new AppError('not_found');
  const { plan: p, asOf, stamp } = await loadPlan(db, zoneId, head.planId);
  // The whole plan's evaluation, when held, judges this item the same way (roll-ups go bottom-up).
  const held = cachedEvaluation(db, head.planId, asOf, stamp);
  if (held) return held;
  const below = sql`(with recursive t(id) as (select ${itemId}::uuid union all select c.id from ${planItem} c join t on c.parent_id = t.id) select id from t)`;
  const { items, indicators } = await loadTree(db, sql`${planItem.id} in ${below}`);
  return evaluate(asOf, p, items, indicators, await loadSeries(db, zoneId, indicators, undefined, asOf, undefined, { lastYear: false }), null);
}
