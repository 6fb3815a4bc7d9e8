import { and, eq, inArray, sql } from 'drizzle-orm';
import type { NotificationKind, Role } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { appUser, roleGrant } from '../users/users.table.js';
import { delivery, notification, notificationChannel } from './notifications.table.js';

export interface NotifyInput {
  zoneId: string;
  userIds: string[];
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  /** Same key → one row per user and per channel, however many runners, retries or double clicks. */
  dedupeKey: string;
}

/**
 * Inserts one in-app notification per user; a user who already has this dedupe key gets nothing new.
 * Runs in the caller's transaction (the caller's own audit event covers the change it notifies about).
 * @returns the number of new in-app notifications
 * @throws database errors only (a user id that does not exist violates the foreign key)
 */
export async function notifyInApp(db: DbOrTx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const rows = await db
    .insert(notification)
    .values(userIds.map((userId) => ({ zoneId: input.zoneId, userId, kind: input.kind, params: input.params, link: input.link, dedupeKey: input.dedupeKey })))
    .onConflictDoNothing({ target: [notification.userId, notification.dedupeKey] })
    .returning({ id: notification.id });
  return rows.length;
}

/**
 * Queues one outbound delivery per enabled channel of the zone subscribed to the kind; the
 * scheduler's delivery job sends it. `excludeChannelId` keeps a failure report off the channel that failed.
 * @returns the number of new deliveries
 * @throws database errors only
 */
export async function queueDeliveries(db: DbOrTx, input: Omit<NotifyInput, 'userIds'>, excludeChannelId?: string): Promise<number> {
  const channels = await db
    .select({ id: notificationChannel.id })
    .from(notificationChannel)
    .where(
      and(
        eq(notificationChannel.zoneId, input.zoneId),
        eq(notificationChannel.enabled, true),
        sql`${notificationChannel.events} @> ${JSON.stringify([input.kind])}::jsonb`,
        excludeChannelId ? sql`${notificationChannel.id} <> ${excludeChannelId}` : undefined,
      ),
    );
  if (channels.length === 0) return 0;
  const rows = await db
    .insert(delivery)
    .values(channels.map((c) => ({ zoneId: input.zoneId, channelId: c.id, kind: input.kind, params: input.params, link: input.link, dedupeKey: input.dedupeKey })))
    .onConflictDoNothing({ target: [delivery.channelId, delivery.dedupeKey] })
    .returning({ id: delivery.id });
  return rows.length;
}

/**
 * Notifies users in the app and queues the zone's outbound channels subscribed to the kind, in the
 * caller's transaction. Idempotent per dedupe key: calling it twice (or from two processes) makes one row.
 * @returns the number of new in-app notifications
 * @throws database errors only (a user id that does not exist violates the foreign key)
 */
export async function notify(db: DbOrTx, input: NotifyInput): Promise<number> {
  const created = await notifyInApp(db, input);
  await queueDeliveries(db, input);
  return created;
}

/**
 * Enabled users of the zone holding one of the roles in the unit (the unit itself, not its sub-units).
 * @throws database errors only
 */
export async function usersOfUnit(db: DbOrTx, zoneId: string, unitId: string, roles: readonly Role[]): Promise<string[]> {
  return usersWhere(db, zoneId, roles, unitId);
}

/**
 * Enabled users of the zone holding one of the roles in any unit (e.g. every office user).
 * @throws database errors only
 */
export async function usersWithRole(db: DbOrTx, zoneId: string, roles: readonly Role[]): Promise<string[]> {
  return usersWhere(db, zoneId, roles);
}

async function usersWhere(db: DbOrTx, zoneId: string, roles: readonly Role[], unitId?: string): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: appUser.id })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .where(
      and(
        eq(roleGrant.zoneId, zoneId),
        eq(appUser.zoneId, zoneId),
        eq(appUser.status, 'active'),
        inArray(roleGrant.role, [...roles]),
        unitId ? eq(roleGrant.unitId, unitId) : undefined,
      ),
    )
    .orderBy(appUser.id);
  return rows.map((r) => r.id);
}
