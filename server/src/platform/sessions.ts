import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_POLICY, type Role } from '@lantu/core';
import { type Db, type DbOrTx, queryRows } from '../db/client.js';
import { userSession } from '../modules/auth/auth.table.js';
import { appUser, roleGrant } from '../modules/users/users.table.js';
import { unit } from '../modules/units/units.table.js';
import { securityPolicy } from '../modules/security/security.table.js';
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

/** A session with its user, the zone's idle timeout and the user's grants: what every request needs, as one JSON row. */
interface SessionRow {
  stage: string;
  csrfToken: string;
  /** Epoch milliseconds. */
  lastSeenAt: number;
  expiresAt: number;
  userId: string;
  zoneId: string;
  username: string;
  displayName: string;
  isDemo: boolean;
  mustChangePassword: boolean;
  status: string;
  idleTimeoutMinutes: number;
  grants: Grant[];
}

/**
 * Resolves a cookie token to the signed-in user, applying idle and absolute timeouts and the
 * user's status. An invalid session is deleted. Returns null when there is none.
 * One query reads the session, its user, the zone's idle timeout (the policy, or its default) and
 * the user's grants; a second writes only when the session ends or its idle timer is touched.
 */
export async function loadSession(db: Db, token: string, clock: Clock): Promise<AuthContext | null> {
  const id = hashToken(token);
  const grants = sql`(select coalesce(json_agg(json_build_object('id', g.id, 'unitId', g.unit_id, 'unitName', gu.name, 'role', g.role) order by gu.sort, gu.name), '[]')
    from ${roleGrant} g join ${unit} gu on gu.id = g.unit_id where g.user_id = u.id)`;
  const [row] = await queryRows<{ j: string }>(
    db,
    sql`select json_build_object(
          'stage', s.stage, 'csrfToken', s.csrf_token,
          'lastSeenAt', floor(extract(epoch from s.last_seen_at) * 1000)::float8, 'expiresAt', floor(extract(epoch from s.expires_at) * 1000)::float8,
          'userId', u.id, 'zoneId', u.zone_id, 'username', u.username, 'displayName', u.display_name, 'isDemo', u.is_demo,
          'mustChangePassword', u.must_change_password, 'status', u.status,
          'idleTimeoutMinutes', coalesce(p.idle_timeout_minutes, ${DEFAULT_POLICY.idleTimeoutMinutes}::int),
          'grants', ${grants})::text as j
        from ${userSession} s join ${appUser} u on u.id = s.user_id left join ${securityPolicy} p on p.zone_id = u.zone_id
        where s.id = ${id}`,
  );
  if (!row) return null;
  const r = JSON.parse(row.j) as SessionRow;
  const now = clock.now();
  const idleLimit = r.lastSeenAt + r.idleTimeoutMinutes * 60_000;
  if (r.status !== 'active' || now.getTime() >= r.expiresAt || now.getTime() >= idleLimit) {
    await db.delete(userSession).where(eq(userSession.id, id));
    return null;
  }
  // Touch at most once a minute: the idle timer needs minutes, not a write per request.
  if (now.getTime() - r.lastSeenAt > 60_000) {
    await db.update(userSession).set({ lastSeenAt: now }).where(and(eq(userSession.id, id)));
  }
  return {
    sessionId: id,
    stage: r.stage as AuthContext['stage'],
    csrfToken: r.csrfToken,
    userId: r.userId,
    zoneId: r.zoneId,
    username: r.username,
    displayName: r.displayName,
    isDemo: r.isDemo,
    mustChangePassword: r.mustChangePassword,
    grants: r.grants,
    roles: new Set(r.grants.map((g) => g.role)),
  };
}

/** Ends every session of a user (disable, password change, role change). */
export async function endSessionsOf(tx: DbOrTx, userId: string, except?: string): Promise<void> {
  await tx
    .delete(userSession)
    .where(except ? and(eq(userSession.userId, userId), sql`${userSession.id} <> ${except}`) : eq(userSession.userId, userId));
}
