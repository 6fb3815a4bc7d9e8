import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { appUser } from '../users/users.table.js';

/** An in-app notification for one user (the bell). */
export const notification = pgTable(
  'notification',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    userId: uuid('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    /** Same key → one notification per user, however many runners or retries (reminders are sent once). */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [unique('notification_user_dedupe_uq').on(t.userId, t.dedupeKey), index('notification_user_idx').on(t.userId, t.readAt)],
);

/** A zone's outbound channel: a 企业微信/钉钉/飞书 group robot or e-mail recipients. */
export const notificationChannel = pgTable(
  'notification_channel',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** Robot signing secret (钉钉 加签, 飞书 签名校验). */
    secret: text('secret'),
    events: jsonb('events').$type<string[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    version: versionColumn(),
  },
  (t) => [index('notification_channel_zone_idx').on(t.zoneId)],
);

/** One message to one channel: the outbox the scheduler works, with retries and backoff. */
export const delivery = pgTable(
  'delivery',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    channelId: uuid('channel_id').notNull().references(() => notificationChannel.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    /** Same key on the same channel → one delivery (exactly-once reminders across processes). */
    dedupeKey: text('dedupe_key').notNull(),
    /** pending | sending | sent | failed */
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    /** While `sending`: until when the claiming runner owns it (a crashed runner's claim expires). */
    leaseUntil: ts('lease_until'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
  },
  (t) => [unique('delivery_channel_dedupe_uq').on(t.channelId, t.dedupeKey), index('delivery_due_idx').on(t.state, t.nextAttemptAt)],
);
