import type { FastifyInstance } from 'fastify';
import type { Role } from '@lantu/core';
import { channel, createChannelBody, delivery, deliveryListQuery, idParams, okResponse, pageOf, updateChannelBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import * as channels from './channels.service.js';
import * as deliveries from './deliveries.service.js';

const tags = ['notifications'];
/** Outbound channels are configured by the office (which runs reporting) or the system administrator. */
const access: readonly Role[] = ['office', 'sysadmin'];

/** A zone's outbound channels (企业微信/钉钉/飞书 robots, e-mail) and the delivery outbox. */
export async function channelRoutes(app: FastifyInstance, { db, clock, config }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/notification-channels', { config: { access }, schema: { tags, response: { 200: pageOf(channel) } } }, async (req) =>
    channels.listChannels(db, authOf(req).zoneId),
  );

  r.post('/api/v1/notification-channels', { config: { access }, schema: { tags, body: createChannelBody, response: { 201: channel } } }, async (req, reply) =>
    reply.status(201).send(await channels.createChannel(db, req.actor, authOf(req).zoneId, req.body, config)),
  );

  r.patch('/api/v1/notification-channels/:id', { config: { access }, schema: { tags, params: idParams, body: updateChannelBody, response: { 200: channel } } }, async (req) =>
    channels.updateChannel(db, req.actor, authOf(req).zoneId, req.params.id, req.body, config),
  );

  r.delete('/api/v1/notification-channels/:id', { config: { access }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await channels.deleteChannel(db, req.actor, authOf(req).zoneId, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/notification-channels/:id/test', { config: { access }, schema: { tags, params: idParams, response: { 200: delivery } } }, async (req) =>
    channels.testChannel(db, req.actor, authOf(req).zoneId, req.params.id, config, clock.now()),
  );

  r.get('/api/v1/deliveries', { config: { access }, schema: { tags, querystring: deliveryListQuery, response: { 200: pageOf(delivery) } } }, async (req) =>
    deliveries.listDeliveries(db, authOf(req).zoneId, req.query),
  );

  r.post('/api/v1/deliveries/:id/retry', { config: { access }, schema: { tags, params: idParams, response: { 200: delivery } } }, async (req) =>
    deliveries.retryDelivery(db, req.actor, authOf(req).zoneId, req.params.id, clock.now()),
  );
}
