import type { FastifyInstance } from 'fastify';
import { createUnitBody, idParams, okResponse, pageOf, unit, updateUnitBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import * as units from './units.service.js';

const tags = ['units'];

export async function unitRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/units', { config: { access: 'user' }, schema: { tags, response: { 200: pageOf(unit) } } }, async (req) =>
    units.listUnits(db, authOf(req).zoneId),
  );

  r.post('/api/v1/units', { config: { access: ['sysadmin'] }, schema: { tags, body: createUnitBody, response: { 201: unit } } }, async (req, reply) =>
    reply.status(201).send(await units.createUnit(db, req.actor, authOf(req).zoneId, req.body)),
  );

  r.patch('/api/v1/units/:id', { config: { access: ['sysadmin'] }, schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unit } } }, async (req) =>
    units.updateUnit(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.delete('/api/v1/units/:id', { config: { access: ['sysadmin'] }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await units.deleteUnit(db, req.actor, authOf(req).zoneId, req.params.id);
    return { ok: true as const };
  });
}
