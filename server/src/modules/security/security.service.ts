import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, type PasswordPolicy, type Policy } from '@lantu/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { securityPolicy } from './security.table.js';

export interface PolicyView extends PasswordPolicy {
  version: number;
  updatedAt: string | null;
}

/** The zone's policy, or the MLPS level 3 defaults when none was saved yet. */
export async function getPolicy(db: DbOrTx, zoneId: string): Promise<PolicyView> {
  const [row] = await db.select().from(securityPolicy).where(eq(securityPolicy.zoneId, zoneId));
  if (!row) return { ...DEFAULT_POLICY, version: 0, updatedAt: null };
  return {
    minLength: row.minLength,
    privilegedMinLength: row.privilegedMinLength,
    minClasses: row.minClasses,
    lockoutThreshold: row.lockoutThreshold,
    lockoutMinutes: row.lockoutMinutes,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    absoluteTimeoutHours: row.absoluteTimeoutHours,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saves the policy (optimistic lock on `version`) and audits before/after.
 * @throws AppError version_conflict when someone saved in between
 */
export async function updatePolicy(db: Db, actor: Actor, zoneId: string, input: Policy & { version: number }): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    const before = await getPolicy(tx, zoneId);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version: _v, ...values } = input;
    const now = new Date();
    await tx
      .insert(securityPolicy)
      .values({ zoneId, ...values, version: 1, createdBy: actor.userId })
      .onConflictDoUpdate({ target: securityPolicy.zoneId, set: { ...values, version: input.version + 1, updatedAt: now } });
    const after = await getPolicy(tx, zoneId);
    await recordAudit(tx, actor, { action: 'policy.update', objectType: 'security_policy', objectId: zoneId, summary: { before, after } });
    return after;
  });
}
