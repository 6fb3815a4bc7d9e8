import { and, count, eq, gte } from 'drizzle-orm';
import { isPrivilegedRole, needsTotp, type MeResponse } from '@lantu/core';
import type { Db } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { AuthContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { createSession, endSessionsOf, grantsOf } from '../../platform/sessions.js';
import { getPolicy } from '../security/security.service.js';
import { appUser } from '../users/users.table.js';
import { zone } from '../zones/zones.table.js';
import { loginAttempt, userSession } from './auth.table.js';
import { assertPasswordAcceptable, dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { checkTotp, currentTotp, newTotpSecret, totpUri } from './totp.js';

/** Per-IP and per-account ceilings on login attempts, independent of the account lockout. */
export const RATE_LIMITS = { perIpFailures15Min: 50, perAccountAttemptsPerMinute: 10 };

interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; userId: string; stage: AuthContext['stage'] }
  | { ok: false; code: 'login_failed' | 'rate_limited' };

async function rateLimited(db: Db, ip: string, username: string, now: Date): Promise<boolean> {
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.ip, ip), eq(loginAttempt.success, false), gte(loginAttempt.at, new Date(now.getTime() - 15 * 60_000))));
  const [byUser] = await db
    .select({ n: count() })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.username, username), gte(loginAttempt.at, new Date(now.getTime() - 60_000))));
  return (byIp?.n ?? 0) >= RATE_LIMITS.perIpFailures15Min || (byUser?.n ?? 0) >= RATE_LIMITS.perAccountAttemptsPerMinute;
}

/**
 * Checks a password and opens a session. Failures count towards the lockout and are audited;
 * the answer never says whether the account exists.
 */
export async function login(db: Db, clock: Clock, actor: Actor, input: LoginInput): Promise<LoginResult> {
  const now = clock.now();
  const username = input.username.toLowerCase();
  if (await rateLimited(db, input.ip, username, now)) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, { ...actor, username }, { action: 'auth.rate_limited', result: 'failure', summary: { ip: input.ip } });
    });
    return { ok: false, code: 'rate_limited' };
  }
  const [user] = await db.select().from(appUser).where(eq(appUser.username, username));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  return db.transaction(async (tx): Promise<LoginResult> => {
    const fail = async (reason: string, extra: Record<string, unknown> = {}): Promise<LoginResult> => {
      await tx.insert(loginAttempt).values({ ip: input.ip, username, success: false, at: now });
      await recordAudit(tx, { ...actor, userId: user?.id ?? null, username, zoneId: user?.zoneId ?? null }, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id,
        result: 'failure',
        summary: { reason, ...extra },
      });
      return { ok: false, code: 'login_failed' };
    };
    if (!user) return fail('unknown_user');
    if (user.status !== 'active') return fail('disabled');
    if (user.lockedUntil && user.lockedUntil > now) return fail('locked');
    if (!passwordOk) {
      const policy = await getPolicy(tx, user.zoneId);
      const failures = user.failedLogins + 1;
      const lock = failures >= policy.lockoutThreshold;
      await tx
        .update(appUser)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : user.lockedUntil })
        .where(eq(appUser.id, user.id));
      if (lock) {
        await recordAudit(tx, { ...actor, userId: user.id, username, zoneId: user.zoneId }, {
          action: 'auth.lockout',
          objectType: 'user',
          objectId: user.id,
          result: 'failure',
          summary: { failures, minutes: policy.lockoutMinutes },
        });
      }
      return fail('bad_password', { failures });
    }
    const grants = await grantsOf(tx, user.id);
    const roles = grants.map((g) => g.role);
    const stage: AuthContext['stage'] = needsTotp(roles) ? (user.totpEnabled ? 'totp' : 'totp_enrol') : 'ok';
    const policy = await getPolicy(tx, user.zoneId);
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(appUser.id, user.id));
    await tx.insert(loginAttempt).values({ ip: input.ip, username, success: true, at: now });
    const session = await createSession(tx, { userId: user.id, stage, ip: input.ip, userAgent: input.userAgent, absoluteHours: policy.absoluteTimeoutHours, now });
    await recordAudit(tx, { ...actor, userId: user.id, username, zoneId: user.zoneId, role: roles.join(',') || null }, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      summary: { stage },
    });
    return { ok: true, ...session, userId: user.id, stage };
  });
}

/** The signed-in user's view: who, which zone, which roles where, and the next login step. */
export async function meView(db: Db, auth: AuthContext): Promise<MeResponse> {
  const [z] = await db.select().from(zone).where(eq(zone.id, auth.zoneId));
  if (!z) throw new AppError('not_found');
  return {
    stage: auth.stage,
    user: { id: auth.userId, username: auth.username, displayName: auth.displayName, isDemo: auth.isDemo, mustChangePassword: auth.mustChangePassword },
    zone: { id: z.id, name: z.name, isDemo: z.isDemo, asOfDate: z.asOfDate },
    roles: [...auth.roles],
    memberships: auth.grants.map((g) => ({ unitId: g.unitId, unitName: g.unitName, role: g.role })),
    csrfToken: auth.csrfToken,
  };
}

/** For demo accounts outside production only: the current code, so visitors can try the demo. */
export async function demoTotpCode(db: Db, userId: string, now: Date): Promise<string | undefined> {
  const [u] = await db.select({ isDemo: appUser.isDemo, secret: appUser.totpSecret, enabled: appUser.totpEnabled }).from(appUser).where(eq(appUser.id, userId));
  return u?.isDemo && u.enabled && u.secret ? currentTotp(u.secret, now) : undefined;
}

async function setStageOk(db: Db, auth: AuthContext): Promise<void> {
  await db.update(userSession).set({ stage: 'ok' }).where(eq(userSession.id, auth.sessionId));
}

/**
 * Second login step. A wrong code counts as a failed login towards the lockout.
 * @throws AppError totp_invalid
 */
export async function verifyTotpStep(db: Db, clock: Clock, actor: Actor, auth: AuthContext, code: string): Promise<void> {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, auth.userId));
  if (!user?.totpSecret || !user.totpEnabled || auth.stage !== 'totp') throw new AppError('bad_request');
  const ok = checkTotp(user.totpSecret, code, clock.now());
  await db.transaction(async (tx) => {
    if (ok) {
      await setStageOk(tx as unknown as Db, auth);
      await tx.update(appUser).set({ failedLogins: 0 }).where(eq(appUser.id, user.id));
    } else {
      const policy = await getPolicy(tx, user.zoneId);
      const failures = user.failedLogins + 1;
      const lock = failures >= policy.lockoutThreshold;
      await tx
        .update(appUser)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(clock.now().getTime() + policy.lockoutMinutes * 60_000) : null })
        .where(eq(appUser.id, user.id));
      if (lock) await endSessionsOf(tx, user.id);
    }
    await recordAudit(tx, actor, { action: ok ? 'auth.totp' : 'auth.totp_failed', objectType: 'user', objectId: user.id, result: ok ? 'success' : 'failure' });
  });
  if (!ok) throw new AppError('totp_invalid');
}

/** Starts TOTP enrolment for a privileged account that has none: a new secret, not yet active. */
export async function startTotpEnrolment(db: Db, auth: AuthContext): Promise<{ secret: string; uri: string }> {
  if (auth.stage !== 'totp_enrol') throw new AppError('bad_request');
  const secret = newTotpSecret();
  await db.update(appUser).set({ totpSecret: secret, totpEnabled: false }).where(eq(appUser.id, auth.userId));
  return { secret, uri: totpUri(secret, auth.username) };
}

/**
 * Confirms enrolment with a first valid code; the session becomes fully signed in.
 * @throws AppError totp_invalid
 */
export async function confirmTotpEnrolment(db: Db, clock: Clock, actor: Actor, auth: AuthContext, code: string): Promise<void> {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, auth.userId));
  if (auth.stage !== 'totp_enrol' || !user?.totpSecret) throw new AppError('bad_request');
  if (!checkTotp(user.totpSecret, code, clock.now())) throw new AppError('totp_invalid');
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: true, version: user.version + 1 }).where(eq(appUser.id, user.id));
    await setStageOk(tx as unknown as Db, auth);
    await recordAudit(tx, actor, { action: 'auth.totp_enrol', objectType: 'user', objectId: user.id });
  });
}

export async function logout(db: Db, actor: Actor, auth: AuthContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(userSession).where(eq(userSession.id, auth.sessionId));
    await recordAudit(tx, actor, { action: 'auth.logout', objectType: 'user', objectId: auth.userId });
  });
}

/**
 * Changes the user's own password; other sessions of the user end.
 * @throws AppError login_failed when the current password is wrong, password_policy when the new one is weak
 */
export async function changeOwnPassword(db: Db, clock: Clock, actor: Actor, auth: AuthContext, current: string, next: string): Promise<void> {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, auth.userId));
  if (!user || !(await verifyPassword(user.passwordHash, current))) throw new AppError('login_failed');
  const policy = await getPolicy(db, user.zoneId);
  assertPasswordAcceptable(next, policy, [...auth.roles].some(isPrivilegedRole), user.username);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash, passwordChangedAt: clock.now(), mustChangePassword: false, version: user.version + 1, updatedAt: clock.now() })
      .where(eq(appUser.id, user.id));
    await endSessionsOf(tx, user.id, auth.sessionId);
    await recordAudit(tx, actor, { action: 'user.password_change', objectType: 'user', objectId: user.id });
  });
}
