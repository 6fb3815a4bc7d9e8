import { and, count, desc, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { AuditEvent, AuditQuery } from '@lantu/core';
import type { Db } from '../../db/client.js';
import { containing, startingWith } from '../../platform/like.js';
import { auditEvent } from './audit.table.js';

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

/** The zone's events, plus zone-less ones (failed logins of unknown accounts, system jobs). */
function where(zoneId: string, q: Filters): SQL {
  const conds: SQL[] = [or(eq(auditEvent.zoneId, zoneId), isNull(auditEvent.zoneId))!];
  if (q.from) conds.push(gte(auditEvent.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) conds.push(lt(auditEvent.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (q.username) conds.push(ilike(auditEvent.username, containing(q.username)));
  if (q.action) conds.push(ilike(auditEvent.action, startingWith(q.action)));
  if (q.objectType) conds.push(eq(auditEvent.objectType, q.objectType));
  if (q.result) conds.push(eq(auditEvent.result, q.result));
  return and(...conds)!;
}

/** An audit row as the API shows it. */
export const auditEventView = (e: typeof auditEvent.$inferSelect): AuditEvent => ({
  id: String(e.id),
  at: e.at.toISOString(),
  userId: e.userId,
  username: e.username,
  role: e.role,
  ip: e.ip,
  requestId: e.requestId,
  action: e.action,
  objectType: e.objectType,
  objectId: e.objectId,
  result: e.result as AuditEvent['result'],
  summary: e.summary,
});

/** Newest first; `limit` caps exports. */
export async function searchAudit(db: Db, zoneId: string, q: AuditQuery, limit?: number): Promise<{ items: AuditEvent[]; total: number }> {
  const w = where(zoneId, q);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvent).where(w);
  const rows = await db
    .select()
    .from(auditEvent)
    .where(w)
    .orderBy(desc(auditEvent.id))
    .limit(limit ?? q.pageSize)
    .offset(limit ? 0 : (q.page - 1) * q.pageSize);
  return { items: rows.map(auditEventView), total };
}
