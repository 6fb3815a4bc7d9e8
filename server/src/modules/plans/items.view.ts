import { type SQL, eq, inArray, sql } from 'drizzle-orm';
import type { PlanItem } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import type { ItemRow, PlanEvaluation } from './evaluation.service.js';
import { planItem, planItemAlignment, planItemCoUnit } from './plans.table.js';
import { depthOfCode, levelLabelOf } from './tree.js';

const CHUNK = 5000;

async function chunked<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

function group(pairs: { key: string; value: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of pairs) (m.get(p.key) ?? m.set(p.key, []).get(p.key)!).push(p.value);
  return m;
}

/**
 * The plan page's rows for the given items of an evaluation: names of units and people,
 * co-units, alignments, indicator counts and the computed progress — four queries whatever the count.
 */
export async function itemViews(db: DbOrTx, zoneId: string, ev: PlanEvaluation, rows: ItemRow[]): Promise<PlanItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const units = new Map((await db.select({ id: unit.id, name: unit.name }).from(unit).where(eq(unit.zoneId, zoneId))).map((u) => [u.id, u.name]));
  const peopleIds = [...new Set(rows.flatMap((r) => [r.leaderId, r.ownerId]).filter((x): x is string => !!x))];
  const people = new Map(
    (await chunked(peopleIds, (c) => db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, c)))).map((u) => [u.id, u.name]),
  );
  // A few rows: by id; many: by plan (one subquery instead of thousands of parameters).
  const ofItems = (col: typeof planItemCoUnit.itemId | typeof planItemAlignment.itemId) =>
    rows.length <= 200 ? inArray(col, ids) : (sql`${col} in (select ${planItem.id} from ${planItem} where ${planItem.planId} = ${ev.plan.id})` as SQL);
  const coUnits = group(await db.select({ key: planItemCoUnit.itemId, value: planItemCoUnit.unitId }).from(planItemCoUnit).where(ofItems(planItemCoUnit.itemId)));
  const aligned = group(
    await db.select({ key: planItemAlignment.itemId, value: planItemAlignment.strategicItemId }).from(planItemAlignment).where(ofItems(planItemAlignment.itemId)),
  );
  const indicatorCount = new Map<string, number>();
  for (const i of ev.indicators) indicatorCount.set(i.itemId, (indicatorCount.get(i.itemId) ?? 0) + 1);
  return rows.map((r) => {
    const result = ev.results.get(r.id);
    const depth = depthOfCode(r.code);
    return {
      id: r.id,
      planId: r.planId,
      parentId: r.parentId,
      position: r.position,
      code: r.code,
      depth,
      levelLabel: levelLabelOf(ev.plan.levelLabels, depth),
      title: r.title,
      description: r.description,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitId ? (units.get(r.leadUnitId) ?? null) : null,
      coUnitIds: coUnits.get(r.id) ?? [],
      leaderId: r.leaderId,
      leaderName: r.leaderId ? (people.get(r.leaderId) ?? null) : null,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (people.get(r.ownerId) ?? null) : null,
      weight: r.weight,
      startDate: r.startDate,
      dueDate: r.dueDate,
      progressMethod: r.progressMethod as PlanItem['progressMethod'],
      manualProgress: r.manualProgress,
      isPublic: r.isPublic,
      alignedItemIds: aligned.get(r.id) ?? [],
      indicatorCount: indicatorCount.get(r.id) ?? 0,
      version: r.version,
      progress: result?.progress ?? null,
      status: result?.status ?? 'nodata',
      redBelow: result?.redBelow ?? 0,
    };
  });
}
