import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@lantu/core';
import type { Db, DbOrTx } from '../db/client.js';
import { userSession } from '../modules/auth/auth.table.js';
import { appUser, roleGrant } from '../modules/users/users.table.js';
import { unit } from '../modules/units/units.table.js';
import { getPolicy } from '../modules/security/security.service.js';
import type { AuthContext, Grant } from './context.js';
import type { Clock } from './clock.js';

export const SESSION_COOKIE = 'lantu_sid';
export const CSRF_COOKIE = 'lantu_csrf';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** 256-bit random tokens, base64url. */
export const newToken = () => randomBytes(32).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Grants of a user with their unit names, for the request context and the user views. */
export async function grantsOf(db: DbOrTx, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({ id: roleGrant.id, unitId: roleGrant.unitId, unitName: unit.name, role: roleGrant.role })
    .from(roleGrant)
    .innerJoin(unit, eq(unit.id, roleGrant.unitId))
    .where(eq(roleGrant.userId, userId))
    .orderBy(unit.sort, unit.name);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Starts a new session (a fresh id at every login) and returns the cookie token. */
export async function createSession(
  tx: DbOrTx,
  opts: { userId: string; stage: AuthContext['stage']; ip: string; userAgent: string | undefined; absoluteHours: number; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await tx.insert(userSession).values({
    id: hashToken(token),
    userId: opts.userId,
    csrfToken,
    stage: opts.stage,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    createdAt: opts.now,
    lastSeenAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + opts.absoluteHours * 3600_000),
  });
  return { token, csrfToken };
}

/**
 * Resolves a cookie token to the signed-in user, applying idle and absolute timeouts and the
 * user's status. An invalid session is deleted. Returns null when there is none.
 */
export async function loadSession(db: Db, token: string, clock: Clock): Promise<AuthContext | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({ s: userSession, u: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(eq(userSession.id, id));
  if (!row) return null;
  const now = clock.now();
  const policy = await getPolicy(db, row.u.zoneId);
  const idleLimit = row.s.lastSeenAt.getTime() + policy.idleTimeoutMinutes * 60_000;
  if (row.u.status !== 'active' || now >= row.s.expiresAt || now.getTime() >= idleLimit) {
    await db.delete(userSession).where(eq(userSession.id, id));
    return null;
  }
  // Touch at most once a minute: the idle timer needs minutes, not a write per request.
  if (now.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
    await db.update(userSession).set({ lastSeenAt: now }).where(and(eq(userSession.id, id)));
  }
  const grants = await grantsOf(db, row.u.id);
  return {
    sessionId: id,
    stage: row.s.stage as AuthContext['stage'],
    csrfToken: row.s.csrfToken,
    userId: row.u.id,
    zoneId: row.u.zoneId,
    username: row.u.username,
    displayName: row.u.displayName,
    isDemo: row.u.isDemo,
    mustChangePassword: row.u.mustChangePassword,
    grants,
    roles: new Set(grants.map((g) => g.role)),
  };
}

/** Ends every session of a user (disable, password change, role change). */
export async function endSessionsOf(tx: DbOrTx, userId: string, except?: string): Promise<void> {
  await tx
    .delete(userSession)
    .where(except ? and(eq(userSession.userId, userId), sql`${userSession.id} <> ${except}`) : eq(userSession.userId, userId));
}
