import { and, eq, inArray } from 'drizzle-orm';
import { type CreateItemBody, type FieldIssue, compareDecimals } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { fieldError } from '../../platform/errors.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import type { PlanRow } from './evaluation.service.js';
import { plan, planItem, planItemAlignment, planItemCoUnit } from './plans.table.js';

type ItemFields = Partial<Omit<CreateItemBody, 'parentId'>>;

async function existing(db: DbOrTx, table: typeof unit | typeof appUser, zoneId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.zoneId, zoneId), inArray(table.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Annual items align only to items of a strategic plan of the same zone. */
async function alignmentIssues(db: DbOrTx, zoneId: string, p: PlanRow, ids: string[]): Promise<FieldIssue[]> {
  if (ids.length === 0) return [];
  if (p.kind !== 'annual') return [{ field: 'alignedItemIds', issue: 'not_annual' }];
  const rows = await db
    .select({ id: planItem.id, kind: plan.kind })
    .from(planItem)
    .innerJoin(plan, eq(plan.id, planItem.planId))
    .where(and(eq(planItem.zoneId, zoneId), inArray(planItem.id, ids)));
  if (rows.length < new Set(ids).size) return [{ field: 'alignedItemIds', issue: 'not_found' }];
  return rows.some((r) => r.kind !== 'strategic') ? [{ field: 'alignedItemIds', issue: 'not_strategic' }] : [];
}

/**
 * Checks an item's fields beyond their shape: referenced units, people and strategic items exist
 * in the zone, weight and manual progress are in range, the due date is not before the start.
 * @throws AppError validation_failed naming every failing field
 */
export async function checkItemFields(db: DbOrTx, zoneId: string, p: PlanRow, input: ItemFields, current?: { startDate: string | null; dueDate: string | null }): Promise<void> {
  const issues: FieldIssue[] = [];
  const units = await existing(db, unit, zoneId, [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coUnitIds ?? [])]);
  if (input.leadUnitId && !units.has(input.leadUnitId)) issues.push({ field: 'leadUnitId', issue: 'not_found' });
  if (input.coUnitIds?.some((u) => !units.has(u))) issues.push({ field: 'coUnitIds', issue: 'not_found' });
  const people = await existing(db, appUser, zoneId, [input.leaderId, input.ownerId].filter((x): x is string => !!x));
  if (input.leaderId && !people.has(input.leaderId)) issues.push({ field: 'leaderId', issue: 'not_found' });
  if (input.ownerId && !people.has(input.ownerId)) issues.push({ field: 'ownerId', issue: 'not_found' });
  if (input.weight !== undefined && compareDecimals(input.weight, '0') < 0) issues.push({ field: 'weight', issue: 'range', limit: 0 });
  const mp = input.manualProgress;
  if (mp != null && (compareDecimals(mp, '0') < 0 || compareDecimals(mp, '100') > 0)) issues.push({ field: 'manualProgress', issue: 'range', limit: 100 });
  const start = input.startDate !== undefined ? input.startDate : (current?.startDate ?? null);
  const due = input.dueDate !== undefined ? input.dueDate : (current?.dueDate ?? null);
  if (start && due && due < start) issues.push({ field: 'dueDate', issue: 'before_start', limit: start });
  issues.push(...(await alignmentIssues(db, zoneId, p, input.alignedItemIds ?? [])));
  if (issues.length) throw fieldError(issues);
}

/** Replaces an item's co-units and alignments where the input gives them. @returns the lists before the change */
export async function writeLinks(
  db: DbOrTx,
  zoneId: string,
  itemId: string,
  input: { coUnitIds?: string[]; alignedItemIds?: string[] },
): Promise<{ coUnitIds?: string[]; alignedItemIds?: string[] }> {
  const before: { coUnitIds?: string[]; alignedItemIds?: string[] } = {};
  if (input.coUnitIds) {
    const old = await db.delete(planItemCoUnit).where(eq(planItemCoUnit.itemId, itemId)).returning({ id: planItemCoUnit.unitId });
    before.coUnitIds = old.map((o) => o.id);
    const ids = [...new Set(input.coUnitIds)];
    if (ids.length) await db.insert(planItemCoUnit).values(ids.map((unitId) => ({ itemId, unitId, zoneId })));
  }
  if (input.alignedItemIds) {
    const old = await db.delete(planItemAlignment).where(eq(planItemAlignment.itemId, itemId)).returning({ id: planItemAlignment.strategicItemId });
    before.alignedItemIds = old.map((o) => o.id);
    const ids = [...new Set(input.alignedItemIds)];
    if (ids.length) await db.insert(planItemAlignment).values(ids.map((strategicItemId) => ({ itemId, strategicItemId, zoneId })));
  }
  return before;
}
