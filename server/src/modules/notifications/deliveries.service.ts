import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { ChannelKind, Delivery, DeliveryState, NotificationKind, deliveryListQuery } from '@lantu/core';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { delivery, notificationChannel } from './notifications.table.js';
import { isTestDelivery } from './outbox.js';

type ListQuery = z.infer<typeof deliveryListQuery>;

const columns = {
  id: delivery.id,
  channelId: delivery.channelId,
  channelName: notificationChannel.name,
  channelKind: notificationChannel.kind,
  kind: delivery.kind,
  params: delivery.params,
  state: delivery.state,
  attempts: delivery.attempts,
  nextAttemptAt: delivery.nextAttemptAt,
  lastError: delivery.lastError,
  sentAt: delivery.sentAt,
  createdAt: delivery.createdAt,
};

const base = (db: DbOrTx) => db.select(columns).from(delivery).innerJoin(notificationChannel, eq(notificationChannel.id, delivery.channelId));
type Row = Awaited<ReturnType<typeof base>>[number];

/** The params stay inside; they only tell a channel's test message from a real one. */
const view = ({ params, ...d }: Row): Delivery => ({
  ...d,
  test: isTestDelivery({ params }),
  channelKind: d.channelKind as ChannelKind,
  kind: d.kind as NotificationKind,
  state: d.state as DeliveryState,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  sentAt: d.sentAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

/**
 * The zone's deliveries: failed ones first (they need the office), then newest first.
 * @throws database errors only
 */
export async function listDeliveries(db: DbOrTx, zoneId: string, q: ListQuery): Promise<{ items: Delivery[]; total: number }> {
  const where = and(eq(delivery.zoneId, zoneId), q.state ? eq(delivery.state, q.state) : undefined);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(delivery).where(where);
  const rows = await base(db)
    .where(where)
    .orderBy(sql`(${delivery.state} = 'failed') desc`, desc(delivery.createdAt), desc(delivery.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(view), total };
}

/**
 * One delivery of the zone.
 * @throws AppError not_found (unknown, or of another zone)
 */
export async function getDelivery(db: DbOrTx, zoneId: string, id: string): Promise<Delivery> {
  const [row] = await base(db).where(and(eq(delivery.id, id), eq(delivery.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return view(row);
}

/**
 * Puts a failed delivery back in the queue for the next scheduler tick; its attempts are kept, so
 * if it fails again it is failed again at once (no new round of backoff).
 * @throws AppError not_found; conflict { reason: 'state' } unless the delivery is failed
 */
export async function retryDelivery(db: Db, actor: Actor, zoneId: string, id: string, now: Date): Promise<Delivery> {
  return db.transaction(async (tx) => {
    const before = await getDelivery(tx, zoneId, id);
    // Conditional on the state, so two clicks at once queue it once and audit it once.
    const moved = await tx
      .update(delivery)
      .set({ state: 'pending', nextAttemptAt: now, leaseUntil: null, updatedAt: now })
      .where(and(eq(delivery.id, id), eq(delivery.state, 'failed')))
      .returning({ id: delivery.id });
    if (moved.length === 0) throw new AppError('conflict', { reason: 'state', state: before.state, action: 'retry' });
    await recordAudit(tx, actor, {
      action: 'delivery.retry',
      objectType: 'delivery',
      objectId: id,
      summary: { channel: before.channelName, attempts: before.attempts, lastError: before.lastError },
    });
    return getDelivery(tx, zoneId, id);
  });
}
