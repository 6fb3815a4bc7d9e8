import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Notification, NotificationKind, notificationListQuery } from '@lantu/core';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { notification } from './notifications.table.js';

// Reading notifications changes no business data: marking them read is not audited.

type Row = typeof notification.$inferSelect;
type ListQuery = z.infer<typeof notificationListQuery>;

const view = (n: Row): Notification => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  params: n.params,
  link: n.link,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

const mine = (zoneId: string, userId: string) => and(eq(notification.zoneId, zoneId), eq(notification.userId, userId));

/**
 * The user's own notifications, newest first; `unread=true` only the unread ones, `false` only the read ones.
 * @throws database errors only
 */
export async function listNotifications(db: DbOrTx, zoneId: string, userId: string, q: ListQuery): Promise<{ items: Notification[]; total: number }> {
  const read = q.unread === undefined ? undefined : q.unread === 'true' ? isNull(notification.readAt) : isNotNull(notification.readAt);
  const where = and(mine(zoneId, userId), read);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(notification).where(where);
  const rows = await db
    .select()
    .from(notification)
    .where(where)
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(view), total };
}

/**
 * How many of the user's notifications are unread (the bell's badge).
 * @throws database errors only
 */
export async function unreadCount(db: DbOrTx, zoneId: string, userId: string): Promise<{ unread: number }> {
  const [row] = await db.select({ n: count() }).from(notification).where(and(mine(zoneId, userId), isNull(notification.readAt)));
  return { unread: row?.n ?? 0 };
}

/**
 * Marks one of the user's notifications read (again: keeps the first time it was read).
 * @throws AppError not_found for another user's notification or an unknown id
 */
export async function markRead(db: Db, zoneId: string, userId: string, id: string, now: Date): Promise<Notification> {
  const [updated] = await db
    .update(notification)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(notification.id, id), mine(zoneId, userId), isNull(notification.readAt)))
    .returning();
  if (updated) return view(updated);
  const [already] = await db.select().from(notification).where(and(eq(notification.id, id), mine(zoneId, userId)));
  if (!already) throw new AppError('not_found');
  return view(already);
}

/**
 * Marks all of the user's notifications read.
 * @returns how many were unread
 * @throws database errors only
 */
export async function markAllRead(db: Db, zoneId: string, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: now, updatedAt: now })
    .where(and(mine(zoneId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}
