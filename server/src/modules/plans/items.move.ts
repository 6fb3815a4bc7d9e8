import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MoveItemBody, PlanItem } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { lockPlan } from './plans.service.js';
import { planItem } from './plans.table.js';
import { MAX_DEPTH, type TreeNode, childrenOf, codesOf, depthOfCode, heightOf, subtreeIds } from './tree.js';
import { getItem } from './items.service.js';

export interface CodedNode extends TreeNode {
  code: string;
}

const CHUNK = 2000;

/** The plan's tree as stored: ids, parents, positions and codes. */
export function treeOf(db: DbOrTx, planId: string): Promise<CodedNode[]> {
  return db.select({ id: planItem.id, parentId: planItem.parentId, position: planItem.position, code: planItem.code }).from(planItem).where(eq(planItem.planId, planId));
}

/**
 * Writes a changed tree: positions become 0..n−1 among siblings (in their order) and every code
 * follows from them. Changed rows first get a temporary code, so the unique (plan, code) constraint —
 * checked row by row — never sees two rows with one code in between.
 * @returns how many rows changed
 */
export async function applyTree(db: DbOrTx, before: CodedNode[], after: TreeNode[]): Promise<number> {
  const codes = codesOf(after);
  const position = new Map<string, number>();
  for (const list of childrenOf(after).values()) list.forEach((n, i) => position.set(n.id, i));
  const old = new Map(before.map((n) => [n.id, n]));
  const changed = after
    .map((n) => ({ id: n.id, parentId: n.parentId, position: position.get(n.id)!, code: codes.get(n.id)! }))
    .filter((n) => {
      const o = old.get(n.id);
      return !o || o.parentId !== n.parentId || o.position !== n.position || o.code !== n.code;
    });
  for (let i = 0; i < changed.length; i += CHUNK) {
    const ids = changed.slice(i, i + CHUNK).map((n) => n.id);
    await db.update(planItem).set({ code: sql`'~' || ${planItem.id}::text` }).where(inArray(planItem.id, ids));
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    const rows = changed.slice(i, i + CHUNK).map((n) => sql`(${n.id}::uuid, ${n.parentId}::uuid, ${n.position}::int, ${n.code}::text)`);
    await db.execute(
      sql`update ${planItem} as p set parent_id = v.parent_id, position = v.position, code = v.code, updated_at = now()
          from (values ${sql.join(rows, sql`, `)}) as v(id, parent_id, position, code) where p.id = v.id`,
    );
  }
  return changed.length;
}

/**
 * Moves an item (with everything below it) under a new parent at a position among its new
 * siblings. The old siblings close the gap, the new ones make room, and every code that follows
 * from a changed position is renumbered.
 * @throws AppError not_found, version_conflict, validation_failed (parentId: not_found, cycle, too_deep)
 */
export async function moveItem(db: DbOrTx, actor: Actor, zoneId: string, itemId: string, input: MoveItemBody): Promise<PlanItem> {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(planItem).where(and(eq(planItem.id, itemId), eq(planItem.zoneId, zoneId)));
    if (!item) throw new AppError('not_found');
    await lockPlan(tx, zoneId, item.planId);
    if (item.version !== input.version) throw new AppError('version_conflict');
    const nodes = await treeOf(tx, item.planId);
    const parent = input.parentId ? nodes.find((n) => n.id === input.parentId) : null;
    if (input.parentId && !parent) throw fieldError([{ field: 'parentId', issue: 'not_found' }]);
    if (parent && subtreeIds(nodes, itemId).has(parent.id)) throw fieldError([{ field: 'parentId', issue: 'cycle' }]);
    if ((parent ? depthOfCode(parent.code) : 0) + heightOf(nodes, itemId) > MAX_DEPTH) throw fieldError([{ field: 'parentId', issue: 'too_deep', limit: MAX_DEPTH }]);

    const siblings = nodes.filter((n) => n.parentId === input.parentId && n.id !== itemId).sort((a, b) => a.position - b.position);
    siblings.splice(Math.min(input.position, siblings.length), 0, { ...item, parentId: input.parentId });
    const order = new Map(siblings.map((s, i) => [s.id, i]));
    const after = nodes.map((n) => ({ id: n.id, parentId: n.id === itemId ? input.parentId : n.parentId, position: order.get(n.id) ?? n.position }));
    const renumbered = await applyTree(tx, nodes, after);
    await tx.update(planItem).set({ version: item.version + 1 }).where(eq(planItem.id, itemId));
    const moved = await getItem(tx, zoneId, itemId);
    await recordAudit(tx, actor, {
      action: 'plan_item.move',
      objectType: 'plan_item',
      objectId: itemId,
      summary: { before: { parentId: item.parentId, position: item.position, code: item.code }, after: { parentId: moved.parentId, position: moved.position, code: moved.code }, renumbered },
    });
    return moved;
  });
}
