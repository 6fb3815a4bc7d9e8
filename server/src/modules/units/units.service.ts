import { and, count, eq, sql } from 'drizzle-orm';
import type { CreateUnitBody, Unit, UnitKind, UpdateUnitBody } from '@lantu/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { roleGrant } from '../users/users.table.js';
import { unit } from './units.table.js';

type UnitRow = typeof unit.$inferSelect;

const view = (u: UnitRow, memberCount: number): Unit => ({
  id: u.id,
  parentId: u.parentId,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  kind: u.kind as UnitKind,
  sort: u.sort,
  active: u.active,
  version: u.version,
  memberCount,
});

/** Every unit of the zone, flat (the tree is small: tens to a few hundred), with member counts. */
export async function listUnits(db: DbOrTx, zoneId: string): Promise<{ items: Unit[]; total: number }> {
  const rows = await db.select().from(unit).where(eq(unit.zoneId, zoneId)).orderBy(unit.sort, unit.code);
  const counts = await db
    .select({ unitId: roleGrant.unitId, n: sql<number>`count(distinct ${roleGrant.userId})::int` })
    .from(roleGrant)
    .where(eq(roleGrant.zoneId, zoneId))
    .groupBy(roleGrant.unitId);
  const members = new Map(counts.map((c) => [c.unitId, c.n]));
  return { items: rows.map((u) => view(u, members.get(u.id) ?? 0)), total: rows.length };
}

async function findUnit(db: DbOrTx, zoneId: string, id: string): Promise<UnitRow> {
  const [u] = await db.select().from(unit).where(and(eq(unit.id, id), eq(unit.zoneId, zoneId)));
  if (!u) throw new AppError('not_found');
  return u;
}

/** A parent must be in the zone and must not be the unit itself or one of its descendants. */
async function assertParent(db: DbOrTx, zoneId: string, parentId: string | null, selfId?: string): Promise<void> {
  if (!parentId) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 64; depth++) {
    if (cursor === selfId) throw fieldError([{ field: 'parentId', issue: 'cycle' }]);
    const [p]: UnitRow[] = await db.select().from(unit).where(and(eq(unit.id, cursor), eq(unit.zoneId, zoneId)));
    if (!p) throw fieldError([{ field: 'parentId', issue: 'not_found' }]);
    cursor = p.parentId;
  }
}

async function assertCodeFree(db: DbOrTx, zoneId: string, code: string, selfId?: string): Promise<void> {
  const [other] = await db.select({ id: unit.id }).from(unit).where(and(eq(unit.zoneId, zoneId), eq(unit.code, code)));
  if (other && other.id !== selfId) throw fieldError([{ field: 'code', issue: 'taken' }]);
}

export async function createUnit(db: Db, actor: Actor, zoneId: string, input: CreateUnitBody): Promise<Unit> {
  return db.transaction(async (tx) => {
    await assertParent(tx, zoneId, input.parentId);
    await assertCodeFree(tx, zoneId, input.code);
    const [u] = await tx.insert(unit).values({ ...input, shortName: input.shortName ?? null, zoneId, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: 'unit.create', objectType: 'unit', objectId: u!.id, summary: { after: input } });
    return view(u!, 0);
  });
}

/**
 * @throws AppError not_found, version_conflict, validation_failed (parent cycle, code taken)
 */
export async function updateUnit(db: Db, actor: Actor, zoneId: string, id: string, input: UpdateUnitBody): Promise<Unit> {
  return db.transaction(async (tx) => {
    const before = await findUnit(tx, zoneId, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version, ...change } = input;
    if (change.parentId !== undefined) await assertParent(tx, zoneId, change.parentId, id);
    if (change.code !== undefined) await assertCodeFree(tx, zoneId, change.code, id);
    const [after] = await tx.update(unit).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(unit.id, id)).returning();
    const pick = (u: UnitRow) => Object.fromEntries(Object.keys(change).map((k) => [k, u[k as keyof UnitRow]]));
    await recordAudit(tx, actor, { action: 'unit.update', objectType: 'unit', objectId: id, summary: { before: pick(before), after: pick(after!) } });
    const [m] = await tx.select({ n: count() }).from(roleGrant).where(eq(roleGrant.unitId, id));
    return view(after!, m?.n ?? 0);
  });
}

/**
 * Deletes a unit that has no sub-units and no members; anything else is deactivated instead.
 * @throws AppError conflict when the unit is still in use
 */
export async function deleteUnit(db: Db, actor: Actor, zoneId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findUnit(tx, zoneId, id);
    const [children] = await tx.select({ n: count() }).from(unit).where(eq(unit.parentId, id));
    const [members] = await tx.select({ n: count() }).from(roleGrant).where(eq(roleGrant.unitId, id));
    if ((children?.n ?? 0) > 0 || (members?.n ?? 0) > 0) throw new AppError('conflict', { reason: 'unit_in_use' });
    // Plan items, projects, problems and reports refer to units too; the database knows every such reference.
    await tx.delete(unit).where(eq(unit.id, id)).catch((e: unknown) => {
      const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
      throw code === '23503' ? new AppError('conflict', { reason: 'unit_in_use' }) : e;
    });
    await recordAudit(tx, actor, { action: 'unit.delete', objectType: 'unit', objectId: id, summary: { before: { code: before.code, name: before.name } } });
  });
}
