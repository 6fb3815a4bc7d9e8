import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCycleBody, cycleActionBody, cycleListQuery, idParams, pageOf, reportCycle, updateCycleBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { OFFICE, READ_ROLES } from './reporting.policy.js';
import * as cycles from './cycles.service.js';

const tags = ['reporting'];
/** What a reminder click did: reports reminded, people newly notified (0 on a repeated click the same day). */
export const remindResult = z.object({ reports: z.int(), notified: z.int() });

/** Reporting cycles: business roles read them; the office opens, moves, closes and reminds. */
export async function cycleRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/report-cycles', { config: { access: READ_ROLES }, schema: { tags, querystring: cycleListQuery, response: { 200: pageOf(reportCycle) } } }, async (req) =>
    cycles.listCycles(db, authOf(req).zoneId, req.query),
  );

  r.post('/api/v1/report-cycles', { config: { access: OFFICE }, schema: { tags, body: createCycleBody, response: { 201: reportCycle } } }, async (req, reply) =>
    reply.status(201).send(await cycles.createCycle(db, req.actor, authOf(req).zoneId, req.body)),
  );

  r.get('/api/v1/report-cycles/:id', { config: { access: READ_ROLES }, schema: { tags, params: idParams, response: { 200: reportCycle } } }, async (req) =>
    cycles.getCycle(db, authOf(req).zoneId, req.params.id),
  );

  r.patch('/api/v1/report-cycles/:id', { config: { access: OFFICE }, schema: { tags, params: idParams, body: updateCycleBody, response: { 200: reportCycle } } }, async (req) =>
    cycles.updateCycle(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.post('/api/v1/report-cycles/:id/close', { config: { access: OFFICE }, schema: { tags, params: idParams, body: cycleActionBody, response: { 200: reportCycle } } }, async (req) =>
    cycles.closeCycle(db, req.actor, authOf(req).zoneId, req.params.id, req.body.version),
  );

  r.post('/api/v1/report-cycles/:id/remind', { config: { access: OFFICE }, schema: { tags, params: idParams, response: { 200: remindResult } } }, async (req) =>
    cycles.remindCycle(db, req.actor, authOf(req).zoneId, req.params.id),
  );
}
