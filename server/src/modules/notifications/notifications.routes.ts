import type { FastifyInstance } from 'fastify';
import { idParams, notification, notificationListQuery, okResponse, pageOf, unreadCount } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import * as inbox from './notifications.service.js';

const tags = ['notifications'];

/** The bell: every signed-in user reads and marks only their own notifications. */
export async function notificationRoutes(app: FastifyInstance, { db, clock }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/notifications', { config: { access: 'user' }, schema: { tags, querystring: notificationListQuery, response: { 200: pageOf(notification) } } }, async (req) => {
    const auth = authOf(req);
    return inbox.listNotifications(db, auth.zoneId, auth.userId, req.query);
  });

  r.get('/api/v1/notifications/unread-count', { config: { access: 'user' }, schema: { tags, response: { 200: unreadCount } } }, async (req) => {
    const auth = authOf(req);
    return inbox.unreadCount(db, auth.zoneId, auth.userId);
  });

  r.post('/api/v1/notifications/:id/read', { config: { access: 'user' }, schema: { tags, params: idParams, response: { 200: notification } } }, async (req) => {
    const auth = authOf(req);
    return inbox.markRead(db, auth.zoneId, auth.userId, req.params.id, clock.now());
  });

  r.post('/api/v1/notifications/read-all', { config: { access: 'user' }, schema: { tags, response: { 200: okResponse } } }, async (req) => {
    const auth = authOf(req);
    await inbox.markAllRead(db, auth.zoneId, auth.userId, clock.now());
    return { ok: true as const };
  });
}
