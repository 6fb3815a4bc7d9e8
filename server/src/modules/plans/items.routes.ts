import type { FastifyInstance } from 'fastify';
import { auditEvent, createItemBody, idParams, itemListQuery, moveItemBody, okResponse, pageOf, pageQuery, planItem, planParams, updateItemBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PLAN_READERS, PLAN_WRITERS } from './plans.routes.js';
import * as items from './items.service.js';

const tags = ['plans'];

/** A plan's item tree: list with progress, create, change, move, delete, history. */
export async function itemRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/plans/:planId/items', { config: { access: PLAN_READERS }, schema: { tags, params: planParams, querystring: itemListQuery, response: { 200: pageOf(planItem) } } }, async (req) =>
    items.listItems(db, authOf(req).zoneId, req.params.planId, req.query),
  );

  r.post('/api/v1/plans/:planId/items', { config: { access: PLAN_WRITERS }, schema: { tags, params: planParams, body: createItemBody, response: { 201: planItem } } }, async (req, reply) =>
    reply.status(201).send(await items.createItem(db, req.actor, authOf(req).zoneId, req.params.planId, req.body)),
  );

  r.get('/api/v1/items/:id', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, response: { 200: planItem } } }, async (req) =>
    items.getItem(db, authOf(req).zoneId, req.params.id),
  );

  r.patch('/api/v1/items/:id', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, body: updateItemBody, response: { 200: planItem } } }, async (req) =>
    items.updateItem(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.delete('/api/v1/items/:id', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await items.deleteItem(db, req.actor, authOf(req).zoneId, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/items/:id/move', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, body: moveItemBody, response: { 200: planItem } } }, async (req) =>
    items.moveItem(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.get('/api/v1/items/:id/history', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, querystring: pageQuery, response: { 200: pageOf(auditEvent) } } }, async (req) =>
    items.itemHistory(db, authOf(req).zoneId, req.params.id, req.query),
  );
}
