import { and, count, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AuditEvent, CreateItemBody, ItemListQuery, PlanItem, UpdateItemBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { auditEvent } from '../audit/audit.table.js';
import { auditEventView } from '../audit/audit.service.js';
import { indicator, indicatorValue } from '../indicators/indicators.table.js';
import { type ItemRow, evaluatePlan, evaluateSubtree } from './evaluation.service.js';
import { checkItemFields, writeLinks } from './items.checks.js';
import { applyTree, treeOf } from './items.move.js';
import { itemViews } from './items.view.js';
import { lockPlan } from './plans.service.js';
import { planItem, planItemAlignment, planItemCoUnit } from './plans.table.js';
import { MAX_DEPTH, depthOfCode, preorder, subtreeIds } from './tree.js';
import { submittedOverlay } from '../reporting/preview.service.js';

export { moveItem } from './items.move.js';

/**
 * A page of a plan's items in tree order, each with its progress, status and red items below,
 * filtered by focus area (an item and its descendants), unit (lead or co-unit), status or text.
 * @throws AppError not_found when the plan is not in the zone
 */
export async function listItems(db: DbOrTx, zoneId: string, planId: string, query: ItemListQuery): Promise<{ items: PlanItem[]; total: number }> {
  const ev = await evaluatePlan(db, zoneId, planId, query.preview === 'submitted' ? await submittedOverlay(db, zoneId, planId) : undefined);
  let rows = preorder(ev.items);
  if (query.focusId) {
    const keep = ev.items.some((i) => i.id === query.focusId) ? subtreeIds(ev.items, query.focusId) : new Set<string>();
    rows = rows.filter((r) => keep.has(r.id));
  }
  if (query.unitId) {
    const co = await db.select({ id: planItemCoUnit.itemId }).from(planItemCoUnit).where(and(eq(planItemCoUnit.zoneId, zoneId), eq(planItemCoUnit.unitId, query.unitId)));
    const coSet = new Set(co.map((c) => c.id));
    rows = rows.filter((r) => r.leadUnitId === query.unitId || coSet.has(r.id));
  }
  if (query.status) rows = rows.filter((r) => (ev.results.get(r.id)?.status ?? 'nodata') === query.status);
  if (query.q) {
    const q = query.q.toLowerCase();
    rows = rows.filter((r) => r.title.toLowerCase().includes(q) || r.code.startsWith(q));
  }
  const page = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { items: await itemViews(db, zoneId, ev, page), total: rows.length };
}

/**
 * One item with its roll-up (computed from its subtree only).
 * @throws AppError not_found when the item is not in the zone
 */
export async function getItem(db: DbOrTx, zoneId: string, itemId: string): Promise<PlanItem> {
  const ev = await evaluateSubtree(db, zoneId, itemId);
  const [view] = await itemViews(db, zoneId, ev, ev.items.filter((i) => i.id === itemId));
  return view!;
}

async function findItem(db: DbOrTx, zoneId: string, itemId: string): Promise<ItemRow> {
  const [row] = await db.select().from(planItem).where(and(eq(planItem.id, itemId), eq(planItem.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Appends an item as the last child of its parent (or last top-level item); its code follows from its position.
 * @throws AppError not_found (plan), validation_failed (parentId not in the plan or too deep; referenced units, people, alignments)
 */
export async function createItem(db: DbOrTx, actor: Actor, zoneId: string, planId: string, input: CreateItemBody): Promise<PlanItem> {
  return db.transaction(async (tx) => {
    const p = await lockPlan(tx, zoneId, planId);
    let parentCode = '';
    if (input.parentId) {
      const [parent] = await tx.select().from(planItem).where(and(eq(planItem.id, input.parentId), eq(planItem.planId, planId)));
      if (!parent) throw fieldError([{ field: 'parentId', issue: 'not_found' }]);
      if (depthOfCode(parent.code) >= MAX_DEPTH) throw fieldError([{ field: 'parentId', issue: 'too_deep', limit: MAX_DEPTH }]);
      parentCode = parent.code;
    }
    const { parentId, coUnitIds, alignedItemIds, ...fields } = input;
    await checkItemFields(tx, zoneId, p, input);
    const [sib] = await tx
      .select({ n: count(), max: sql<number | null>`max(${planItem.position})` })
      .from(planItem)
      .where(and(eq(planItem.planId, planId), parentId ? eq(planItem.parentId, parentId) : isNull(planItem.parentId)));
    const n = sib?.n ?? 0;
    const code = parentCode ? `${parentCode}.${n + 1}` : String(n + 1);
    const position = sib?.max == null ? 0 : Number(sib.max) + 1;
    const [row] = await tx.insert(planItem).values({ ...fields, zoneId, planId, parentId, position, code, createdBy: actor.userId }).returning();
    await writeLinks(tx, zoneId, row!.id, { coUnitIds, alignedItemIds });
    await recordAudit(tx, actor, { action: 'plan_item.create', objectType: 'plan_item', objectId: row!.id, summary: { after: { ...input, code } } });
    return getItem(tx, zoneId, row!.id);
  });
}

/**
 * Changes an item's fields (not its place: see moveItem) under the optimistic lock.
 * @throws AppError not_found, version_conflict, validation_failed
 */
export async function updateItem(db: DbOrTx, actor: Actor, zoneId: string, itemId: string, input: UpdateItemBody): Promise<PlanItem> {
  return db.transaction(async (tx) => {
    const before = await findItem(tx, zoneId, itemId);
    const p = await lockPlan(tx, zoneId, before.planId);
    if (before.version !== input.version) throw new AppError('version_conflict');
    await checkItemFields(tx, zoneId, p, input, before);
    const { version, coUnitIds, alignedItemIds, ...change } = input;
    await tx.update(planItem).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(planItem.id, itemId));
    const links = await writeLinks(tx, zoneId, itemId, { coUnitIds, alignedItemIds });
    const pick = (r: ItemRow) => Object.fromEntries(Object.keys(change).map((k) => [k, r[k as keyof ItemRow]]));
    const summary = { before: { ...pick(before), ...links }, after: { ...pick({ ...before, ...change } as ItemRow), ...(coUnitIds ? { coUnitIds } : {}), ...(alignedItemIds ? { alignedItemIds } : {}) } };
    await recordAudit(tx, actor, { action: 'plan_item.update', objectType: 'plan_item', objectId: itemId, summary });
    return getItem(tx, zoneId, itemId);
  });
}

/**
 * Deletes a leaf item without indicators; its later siblings move up and are renumbered.
 * @throws AppError not_found, conflict (reason item_has_children, item_has_indicators, or item_has_aligned_items: annual items align to it)
 */
export async function deleteItem(db: DbOrTx, actor: Actor, zoneId: string, itemId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findItem(tx, zoneId, itemId);
    await lockPlan(tx, zoneId, before.planId);
    const [children] = await tx.select({ n: count() }).from(planItem).where(eq(planItem.parentId, itemId));
    if ((children?.n ?? 0) > 0) throw new AppError('conflict', { reason: 'item_has_children' });
    const [inds] = await tx.select({ n: count() }).from(indicator).where(eq(indicator.itemId, itemId));
    if ((inds?.n ?? 0) > 0) throw new AppError('conflict', { reason: 'item_has_indicators' });
    const [aligned] = await tx.select({ n: count() }).from(planItemAlignment).where(eq(planItemAlignment.strategicItemId, itemId));
    if ((aligned?.n ?? 0) > 0) throw new AppError('conflict', { reason: 'item_has_aligned_items' });
    await tx.delete(planItem).where(eq(planItem.id, itemId));
    const nodes = await treeOf(tx, before.planId);
    const renumbered = await applyTree(tx, nodes, nodes);
    await recordAudit(tx, actor, {
      action: 'plan_item.delete',
      objectType: 'plan_item',
      objectId: itemId,
      summary: { before: { planId: before.planId, parentId: before.parentId, code: before.code, title: before.title }, renumbered },
    });
  });
}

/** Imports of many values name the items they touched in `items`, and list each indicator's months (indicator_value.import). */
const VALUES_IMPORT = 'indicator_value.import';

/**
 * The item's change history, newest first: events on the item, its indicators and their values
 * (also of indicators since deleted, which name the item in their summary), and the value imports
 * that changed its indicators, their summary narrowed to this item's indicators.
 * @throws AppError not_found when the item is not in the zone
 */
export async function itemHistory(db: DbOrTx, zoneId: string, itemId: string, page = { page: 1, pageSize: 50 }): Promise<{ items: AuditEvent[]; total: number }> {
  await findItem(db, zoneId, itemId);
  const inds = await db.select({ id: indicator.id }).from(indicator).where(eq(indicator.itemId, itemId));
  const indIds = inds.map((i) => i.id);
  const vals = indIds.length ? await db.select({ id: indicatorValue.id }).from(indicatorValue).where(inArray(indicatorValue.indicatorId, indIds)) : [];
  const where = and(
    eq(auditEvent.zoneId, zoneId),
    or(
      and(
        inArray(auditEvent.objectType, ['plan_item', 'indicator', 'indicator_value']),
        or(inArray(auditEvent.objectId, [itemId, ...indIds, ...vals.map((v) => v.id)]), sql`${auditEvent.summary}->>'itemId' = ${itemId}`),
      ),
      and(eq(auditEvent.action, VALUES_IMPORT), sql`${auditEvent.summary}->'items' @> jsonb_build_array(${itemId}::text)`),
    ),
  );
  const summary = sql<unknown>`case when ${auditEvent.action} = ${VALUES_IMPORT} then jsonb_set(${auditEvent.summary} - 'items', '{indicators}',
    (select coalesce(jsonb_agg(x), '[]'::jsonb) from jsonb_array_elements(${auditEvent.summary}->'indicators') x where x->>'itemId' = ${itemId})) else ${auditEvent.summary} end`;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvent).where(where);
  const rows = await db.select({ ...getTableColumns(auditEvent), summary }).from(auditEvent).where(where).orderBy(desc(auditEvent.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { items: rows.map(auditEventView), total };
}
