import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { isPrivilegedRole, type CreateUserBody, type Role, type UpdateUserBody, type User, type UserListQuery } from '@lantu/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { containing } from '../../platform/like.js';
import { endSessionsOf, grantsOf } from '../../platform/sessions.js';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords.js';
import { getPolicy } from '../security/security.service.js';
import { unit } from '../units/units.table.js';
import { appUser, roleGrant } from './users.table.js';

type UserRow = typeof appUser.$inferSelect;

function toView(u: UserRow, grants: User['grants'], now: Date): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    email: u.email,
    status: u.status as User['status'],
    locked: !!u.lockedUntil && u.lockedUntil > now,
    totpEnabled: u.totpEnabled,
    isDemo: u.isDemo,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    grants,
  };
}

/** Loads a user of the zone, or 404 — users of other zones do not exist for the caller. */
async function findUser(db: DbOrTx, zoneId: string, id: string): Promise<UserRow> {
  const [u] = await db.select().from(appUser).where(and(eq(appUser.id, id), eq(appUser.zoneId, zoneId)));
  if (!u) throw new AppError('not_found');
  return u;
}

export async function getUser(db: DbOrTx, zoneId: string, id: string, now: Date): Promise<User> {
  const u = await findUser(db, zoneId, id);
  return toView(u, await grantsOf(db, u.id), now);
}

function listFilter(zoneId: string, q: Omit<UserListQuery, 'page' | 'pageSize'>): SQL {
  const conds: SQL[] = [eq(appUser.zoneId, zoneId)];
  if (q.q) conds.push(or(ilike(appUser.username, containing(q.q)), ilike(appUser.displayName, containing(q.q)))!);
  if (q.status) conds.push(eq(appUser.status, q.status));
  if (q.unitId || q.role) {
    const g = [eq(roleGrant.userId, appUser.id)];
    if (q.unitId) g.push(eq(roleGrant.unitId, q.unitId));
    if (q.role) g.push(eq(roleGrant.role, q.role));
    conds.push(sql`exists (select 1 from ${roleGrant} where ${and(...g)})`);
  }
  return and(...conds)!;
}

/** A page of the zone's users with their grants; `pageSize` 0 means all (exports). */
export async function listUsers(db: Db, zoneId: string, q: UserListQuery, now: Date): Promise<{ items: User[]; total: number }> {
  const where = listFilter(zoneId, q);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(appUser).where(where);
  let query = db.select().from(appUser).where(where).orderBy(appUser.username).$dynamic();
  if (q.pageSize > 0) query = query.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const rows = await query;
  const grants = rows.length
    ? await db
        .select({ id: roleGrant.id, userId: roleGrant.userId, unitId: roleGrant.unitId, unitName: unit.name, role: roleGrant.role })
        .from(roleGrant)
        .innerJoin(unit, eq(unit.id, roleGrant.unitId))
        .where(inArray(roleGrant.userId, rows.map((r) => r.id)))
    : [];
  const items = rows.map((u) =>
    toView(u, grants.filter((g) => g.userId === u.id).map(({ userId: _u, ...g }) => ({ ...g, role: g.role as Role })), now),
  );
  return { items, total };
}

/**
 * Creates an account in the zone; the new user must change the password at first login.
 * @throws AppError conflict (username taken), password_policy
 */
export async function createUser(db: Db, clock: Clock, actor: Actor, zoneId: string, input: CreateUserBody): Promise<User> {
  const policy = await getPolicy(db, zoneId);
  assertPasswordAcceptable(input.password, policy, false, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username));
    if (taken) throw fieldError([{ field: 'username', issue: 'taken' }]);
    const [u] = await tx
      .insert(appUser)
      .values({ zoneId, username: input.username, displayName: input.displayName, phone: input.phone ?? null, email: input.email ?? null, passwordHash, mustChangePassword: true, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'user.create', objectType: 'user', objectId: u!.id, summary: { after: { username: u!.username, displayName: u!.displayName } } });
    return toView(u!, [], clock.now());
  });
}

type Change = Partial<Pick<UserRow, 'displayName' | 'phone' | 'email' | 'status' | 'lockedUntil' | 'failedLogins' | 'passwordHash' | 'mustChangePassword' | 'totpEnabled' | 'totpSecret'>>;

/**
 * Applies one audited change to a user under the optimistic lock.
 * @throws AppError not_found, version_conflict
 */
export async function changeUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  zoneId: string,
  id: string,
  version: number,
  action: string,
  change: Change,
  opts: { endSessions?: boolean } = {},
): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, zoneId, id);
    if (before.version !== version) throw new AppError('version_conflict');
    const now = clock.now();
    const [after] = await tx.update(appUser).set({ ...change, version: version + 1, updatedAt: now }).where(eq(appUser.id, id)).returning();
    if (opts.endSessions) await endSessionsOf(tx, id);
    const pick = (u: UserRow) => Object.fromEntries(Object.keys(change).map((k) => [k, u[k as keyof UserRow]]));
    await recordAudit(tx, actor, { action, objectType: 'user', objectId: id, summary: { before: pick(before), after: pick(after!) } });
    return toView(after!, await grantsOf(tx, id), now);
  });
}

export const updateUser = (db: Db, clock: Clock, actor: Actor, zoneId: string, id: string, input: UpdateUserBody) => {
  const { version, ...change } = input;
  return changeUser(db, clock, actor, zoneId, id, version, 'user.update', change);
};

/** Sets a new password chosen by an administrator; the user must change it at next login. */
export async function resetPassword(db: Db, clock: Clock, actor: Actor, zoneId: string, id: string, password: string): Promise<User> {
  const u = await findUser(db, zoneId, id);
  const grants = await grantsOf(db, id);
  assertPasswordAcceptable(password, await getPolicy(db, zoneId), grants.some((g) => isPrivilegedRole(g.role)), u.username);
  const passwordHash = await hashPassword(password);
  return changeUser(db, clock, actor, zoneId, id, u.version, 'user.reset_password', { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }, { endSessions: true });
}

/**
 * Grants a role in a unit. 三权分立 is enforced here for a clear message and by the database.
 * @throws AppError not_found, conflict
 */
export async function addGrant(db: Db, clock: Clock, actor: Actor, zoneId: string, userId: string, unitId: string, role: Role): Promise<User> {
  return db.transaction(async (tx) => {
    await findUser(tx, zoneId, userId);
    const [u] = await tx.select({ id: unit.id }).from(unit).where(and(eq(unit.id, unitId), eq(unit.zoneId, zoneId)));
    if (!u) throw fieldError([{ field: 'unitId', issue: 'not_found' }]);
    const existing = await grantsOf(tx, userId);
    if (existing.some((g) => g.unitId === unitId && g.role === role)) throw new AppError('conflict', { reason: 'duplicate_grant' });
    if (existing.length > 0 && (isPrivilegedRole(role) || existing.some((g) => isPrivilegedRole(g.role)))) {
      throw new AppError('conflict', { reason: 'separation_of_duties' });
    }
    const [g] = await tx.insert(roleGrant).values({ zoneId, userId, unitId, role, createdBy: actor.userId }).returning();
    await endSessionsOf(tx, userId);
    await recordAudit(tx, actor, { action: 'grant.add', objectType: 'user', objectId: userId, summary: { grantId: g!.id, unitId, role } });
    return toView(await findUser(tx, zoneId, userId), await grantsOf(tx, userId), clock.now());
  });
}

export async function removeGrant(db: Db, clock: Clock, actor: Actor, zoneId: string, userId: string, grantId: string): Promise<User> {
  return db.transaction(async (tx) => {
    await findUser(tx, zoneId, userId);
    const [g] = await tx.delete(roleGrant).where(and(eq(roleGrant.id, grantId), eq(roleGrant.userId, userId))).returning();
    if (!g) throw new AppError('not_found');
    await endSessionsOf(tx, userId);
    await recordAudit(tx, actor, { action: 'grant.remove', objectType: 'user', objectId: userId, summary: { grantId, unitId: g.unitId, role: g.role } });
    return toView(await findUser(tx, zoneId, userId), await grantsOf(tx, userId), clock.now());
  });
}
