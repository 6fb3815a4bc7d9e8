import { performance } from 'node:perf_hooks';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ChannelKind, NotificationKind } from '@lantu/core';
import type { Db } from '../../db/client.js';
import { delivery, notificationChannel } from './notifications.table.js';
import { renderMessage } from './messages.js';
import { type Outbound, SendError, maskUrl, sendMessage } from './senders.js';
import { notifyInApp, queueDeliveries, usersWithRole } from './notify.service.js';
import type { Job } from './scheduler.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is `failed` for good. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** How long a claim holds: longer than a batch of sends at 5 s each, so a live runner never loses one. */
export const LEASE_MS = 2 * 60_000;
const BATCH = 10;
/** A tick stops claiming after this long, so reminders and other jobs are not starved by a backlog. */
const TICK_BUDGET_MS = 30_000;
/** Where the office sees failed deliveries in the web. */
export const DELIVERIES_LINK = '/deliveries';

export type DeliveryRow = typeof delivery.$inferSelect;
type Log = (msg: string) => void;

/**
 * Claims due deliveries for this runner: pending ones whose time has come and `sending` ones whose
 * runner's lease expired (it crashed). SKIP LOCKED lets several runners claim side by side without
 * ever taking the same row; the attempt is counted at the claim, so a crash mid-send still counts.
 * @throws database errors only
 */
export async function claimDue(db: Db, now: Date, limit = BATCH): Promise<DeliveryRow[]> {
  const due = db
    .select({ id: delivery.id })
    .from(delivery)
    .where(
      or(
        and(eq(delivery.state, 'pending'), or(isNull(delivery.nextAttemptAt), lte(delivery.nextAttemptAt, now))),
        and(eq(delivery.state, 'sending'), lt(delivery.leaseUntil, now)),
      ),
    )
    .orderBy(asc(delivery.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(delivery)
    .set({ state: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${delivery.attempts} + 1`, updatedAt: now })
    .where(inArray(delivery.id, due))
    .returning();
}

/** Only the runner still holding the claim may record the outcome (an expired claim belongs to another). */
const stillClaimed = (row: DeliveryRow) => and(eq(delivery.id, row.id), eq(delivery.state, 'sending'), eq(delivery.leaseUntil, row.leaseUntil!));

/**
 * A channel's test message: a `remind` delivery marked in its params (testChannel). It is tried
 * once: the office sees the outcome at once and can retry by hand.
 */
export const isTestDelivery = (row: Pick<DeliveryRow, 'params'>) => row.params.test !== undefined;

async function markSent(db: Db, row: DeliveryRow, now: Date): Promise<DeliveryRow | undefined> {
  const [after] = await db
    .update(delivery)
    .set({ state: 'sent', sentAt: now, leaseUntil: null, nextAttemptAt: null, lastError: null, updatedAt: now })
    .where(stillClaimed(row))
    .returning();
  return after;
}

/**
 * Records a failed attempt: a retry after the backoff, or `failed` after the last attempt, which the
 * zone's office users learn in the app (and through the zone's other channels subscribed to it).
 */
async function markFailed(db: Db, row: DeliveryRow, channelName: string, error: string, now: Date, final: boolean, report = final): Promise<DeliveryRow | undefined> {
  return db.transaction(async (tx) => {
    const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1] ?? BACKOFF_MINUTES[0];
    const change = final
      ? { state: 'failed', nextAttemptAt: null }
      : { state: 'pending', nextAttemptAt: new Date(now.getTime() + wait * 60_000) };
    const [after] = await tx
      .update(delivery)
      .set({ ...change, leaseUntil: null, lastError: error, updatedAt: now })
      .where(stillClaimed(row))
      .returning();
    if (!after || !report) return after;
    const failure = {
      zoneId: row.zoneId,
      kind: 'delivery_failed' as const,
      params: { channelName, kind: row.kind, attempts: row.attempts, error: error.slice(0, 200) },
      link: DELIVERIES_LINK,
      dedupeKey: `delivery_failed:${row.id}:${row.attempts}`,
    };
    await notifyInApp(tx, { ...failure, userIds: await usersWithRole(tx, row.zoneId, ['office']) });
    // A failure report about a failure report goes nowhere else: two broken channels must not ping-pong.
    if (row.kind !== 'delivery_failed') await queueDeliveries(tx, failure, row.channelId);
    return after;
  });
}

/**
 * Sends one claimed delivery (outside any transaction: a slow robot must not hold locks) and records
 * the outcome. Delivery bookkeeping is not audited: the delivery row itself is the record of every send.
 * @returns the delivery after the attempt, or undefined when the claim was lost or the channel is gone
 * @throws database errors only; send failures are recorded, never thrown
 */
export async function attemptDelivery(db: Db, outbound: Outbound, row: DeliveryRow, now: Date, log?: Log): Promise<DeliveryRow | undefined> {
  const [channel] = await db.select().from(notificationChannel).where(eq(notificationChannel.id, row.channelId));
  if (!channel) return undefined;
  // The office switched the channel off after this was queued: nothing to send, nothing to report.
  if (!channel.enabled && !isTestDelivery(row)) return markFailed(db, row, channel.name, 'channel disabled', now, true, false);
  const message = renderMessage(row.kind as NotificationKind, row.params, row.link, outbound.publicUrl);
  try {
    await sendMessage({ kind: channel.kind as ChannelKind, url: channel.url, secret: channel.secret, recipients: channel.recipients }, message, outbound, now);
    return await markSent(db, row, now);
  } catch (err) {
    if (!(err instanceof SendError)) throw err;
    const where = channel.kind === 'email' ? 'e-mail' : `${channel.kind} ${maskUrl(channel.url ?? '')}`;
    log?.(`delivery ${row.id} to channel "${channel.name}" (${where}) failed, attempt ${row.attempts}: ${err.message}`);
    const final = isTestDelivery(row) || row.attempts >= MAX_ATTEMPTS;
    return markFailed(db, row, channel.name, err.message, now, final, final && !isTestDelivery(row));
  }
}

/**
 * Works the outbox: claims due deliveries batch by batch and sends them, until none is due or the
 * tick's budget is spent. Time moves on during a tick, so each batch's "now" is the tick's plus the elapsed time.
 * @returns how many deliveries were sent
 * @throws database errors only
 */
export async function runDeliveries(db: Db, outbound: Outbound, now: Date, log?: Log): Promise<number> {
  const started = performance.now();
  const at = () => new Date(now.getTime() + Math.round(performance.now() - started));
  let sent = 0;
  while (performance.now() - started < TICK_BUDGET_MS) {
    const batch = await claimDue(db, at());
    for (const row of batch) if ((await attemptDelivery(db, outbound, row, at(), log))?.state === 'sent') sent++;
    if (batch.length < BATCH) break;
  }
  return sent;
}

/**
 * The scheduler job that works the outbox. E-mail needs the deployment's SMTP settings, hence a
 * factory over the configuration (pass the loaded Config).
 * @throws never itself; its run() throws database errors only (the scheduler logs them)
 */
export function createDeliveryJob(outbound: Outbound, log?: Log): Job {
  return {
    name: 'deliveries',
    run: async (db, now) => {
      await runDeliveries(db, outbound, now, log);
    },
  };
}
