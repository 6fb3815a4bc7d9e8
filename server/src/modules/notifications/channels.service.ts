import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Channel, ChannelKind, CreateChannelBody, Delivery, FieldIssue, NotificationKind, UpdateChannelBody } from '@lantu/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { delivery, notificationChannel } from './notifications.table.js';
import { LEASE_MS, attemptDelivery } from './outbox.js';
import { type Outbound, maskUrl } from './senders.js';
import { getDelivery } from './deliveries.service.js';

type ChannelRow = typeof notificationChannel.$inferSelect;

const view = (c: ChannelRow): Channel => ({
  id: c.id,
  kind: c.kind as ChannelKind,
  name: c.name,
  url: c.url,
  recipients: c.recipients,
  hasSecret: c.secret !== null,
  events: c.events as NotificationKind[],
  enabled: c.enabled,
  version: c.version,
});

/** What the audit trail keeps of a channel: never the signing secret, never the robot's token. */
const auditView = (c: Pick<ChannelRow, 'kind' | 'name' | 'url' | 'recipients' | 'events' | 'enabled' | 'secret'>) => ({
  kind: c.kind,
  name: c.name,
  url: c.url ? maskUrl(c.url) : null,
  recipients: c.recipients,
  events: c.events,
  enabled: c.enabled,
  signing: c.secret !== null,
});

/**
 * The zone's outbound channels (a handful), oldest first.
 * @throws database errors only
 */
export async function listChannels(db: DbOrTx, zoneId: string): Promise<{ items: Channel[]; total: number }> {
  const rows = await db.select().from(notificationChannel).where(eq(notificationChannel.zoneId, zoneId)).orderBy(asc(notificationChannel.createdAt), asc(notificationChannel.id));
  return { items: rows.map(view), total: rows.length };
}

async function findChannel(db: DbOrTx, zoneId: string, id: string): Promise<ChannelRow> {
  const [c] = await db.select().from(notificationChannel).where(and(eq(notificationChannel.id, id), eq(notificationChannel.zoneId, zoneId)));
  if (!c) throw new AppError('not_found');
  return c;
}

interface Shape {
  kind: ChannelKind;
  url: string | null;
  recipients: string[];
  secret: string | null;
}

/** Robots need a URL; 钉钉 and 飞书 may sign; e-mail needs recipients and a configured SMTP server. */
function checkShape(c: Shape, smtpConfigured: boolean): void {
  const issues: FieldIssue[] = [];
  if (c.kind === 'email') {
    if (!smtpConfigured) issues.push({ field: 'kind', issue: 'smtp_not_configured' });
    if (c.recipients.length === 0) issues.push({ field: 'recipients', issue: 'required' });
    if (c.url) issues.push({ field: 'url', issue: 'not_applicable' });
  } else {
    if (!c.url) issues.push({ field: 'url', issue: 'required' });
    if (c.recipients.length > 0) issues.push({ field: 'recipients', issue: 'not_applicable' });
  }
  // 企业微信 group robots have no signing; a secret there would silently mean nothing.
  if (c.secret && (c.kind === 'wecom' || c.kind === 'email')) issues.push({ field: 'secret', issue: 'not_applicable' });
  if (issues.length) throw fieldError(issues);
}

/** An empty secret clears it, like null. */
const secretOf = (s: string | null | undefined): string | null => (s ? s : null);

/**
 * @throws AppError validation_failed (url/recipients required or not applicable, kind smtp_not_configured)
 */
export async function createChannel(db: Db, actor: Actor, zoneId: string, input: CreateChannelBody, outbound: Outbound): Promise<Channel> {
  const shape: Shape = { kind: input.kind, url: input.url ?? null, recipients: input.recipients ?? [], secret: secretOf(input.secret) };
  checkShape(shape, outbound.smtpUrl !== null);
  return db.transaction(async (tx) => {
    const values = { ...shape, zoneId, name: input.name, events: [...new Set(input.events)], enabled: input.enabled ?? true, createdBy: actor.userId };
    const [c] = await tx.insert(notificationChannel).values(values).returning();
    await recordAudit(tx, actor, { action: 'channel.create', objectType: 'notification_channel', objectId: c!.id, summary: { after: auditView(c!) } });
    return view(c!);
  });
}

/**
 * Changes a channel; `secret` null (or empty) clears it, omitted keeps it.
 * @throws AppError not_found, version_conflict, validation_failed (as createChannel)
 */
export async function updateChannel(db: Db, actor: Actor, zoneId: string, id: string, input: UpdateChannelBody, outbound: Outbound): Promise<Channel> {
  return db.transaction(async (tx) => {
    const before = await findChannel(tx, zoneId, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version, secret, ...rest } = input;
    const change = {
      ...rest,
      ...(rest.events ? { events: [...new Set(rest.events)] } : {}),
      ...(secret !== undefined ? { secret: secretOf(secret) } : {}),
    };
    const merged = { ...before, ...change };
    checkShape({ kind: merged.kind as ChannelKind, url: merged.url ?? null, recipients: merged.recipients ?? [], secret: merged.secret }, outbound.smtpUrl !== null);
    const [after] = await tx
      .update(notificationChannel)
      .set({ ...change, version: version + 1, updatedAt: new Date() })
      .where(eq(notificationChannel.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'channel.update', objectType: 'notification_channel', objectId: id, summary: { before: auditView(before), after: auditView(after!) } });
    return view(after!);
  });
}

/**
 * Deletes a channel with its deliveries (the audit trail keeps what it was).
 * @throws AppError not_found
 */
export async function deleteChannel(db: Db, actor: Actor, zoneId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findChannel(tx, zoneId, id);
    await tx.delete(notificationChannel).where(eq(notificationChannel.id, id));
    await recordAudit(tx, actor, { action: 'channel.delete', objectType: 'notification_channel', objectId: id, summary: { before: auditView(before) } });
  });
}

/**
 * Queues a test message through the outbox, already claimed by this request so no scheduler tick
 * sends it too, and tries it at once (disabled channels included: test before enabling).
 * @returns the delivery after the attempt: sent, or failed with the robot's or server's error
 * @throws AppError not_found
 */
export async function testChannel(db: Db, actor: Actor, zoneId: string, id: string, outbound: Outbound, now: Date): Promise<Delivery> {
  const row = await db.transaction(async (tx) => {
    const c = await findChannel(tx, zoneId, id);
    const [d] = await tx
      .insert(delivery)
      .values({
        zoneId,
        channelId: id,
        kind: 'remind',
        params: { test: 1, channelName: c.name },
        link: null,
        dedupeKey: `test:${randomUUID()}`,
        state: 'sending',
        attempts: 1,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'channel.test', objectType: 'notification_channel', objectId: id, summary: { deliveryId: d!.id } });
    return d!;
  });
  await attemptDelivery(db, outbound, row, now);
  return getDelivery(db, zoneId, row.id);
}
