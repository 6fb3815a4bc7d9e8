import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { uploadOf } from '../../platform/uploads.js';
import { evidenceMeta, idParams, indicatorValue, okResponse, pageOf, putValueBody, valueParams } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PLAN_READERS, PLAN_WRITERS } from '../plans/plans.routes.js';
import * as values from './values.service.js';
import * as evidence from './evidence.service.js';
import { sendStored } from '../../platform/files.js';

const tags = ['indicators'];

/** Monthly values (recorded directly by the office until reporting lands) and their evidence files. */
export async function valueRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  // Uploads are parsed only in this module's scope, with the configured size limit (→ 413).
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
  const r = zodApp(app);

  r.get('/api/v1/indicators/:id/values', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, response: { 200: pageOf(indicatorValue) } } }, async (req) =>
    values.listValues(db, authOf(req).zoneId, req.params.id),
  );

  r.put('/api/v1/indicators/:id/values/:period', { config: { access: PLAN_WRITERS }, schema: { tags, params: valueParams, body: putValueBody, response: { 200: indicatorValue } } }, async (req) =>
    values.putValue(db, req.actor, authOf(req).zoneId, req.params.id, req.params.period, req.body),
  );

  r.delete('/api/v1/indicators/:id/values/:period', { config: { access: PLAN_WRITERS }, schema: { tags, params: valueParams, response: { 200: okResponse } } }, async (req) => {
    await values.deleteValue(db, req.actor, authOf(req).zoneId, req.params.id, req.params.period);
    return { ok: true as const };
  });

  r.post('/api/v1/indicator-values/:id/evidence', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: evidenceMeta } } }, async (req, reply) => {
    const file = await uploadOf(req);
    const meta = await evidence.addEvidence(db, req.actor, authOf(req).zoneId, req.params.id, file, config.filesDir);
    return reply.status(201).send(meta);
  });

  r.get('/api/v1/evidence/:id', { config: { access: PLAN_READERS }, schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await evidence.getEvidence(db, authOf(req).zoneId, req.params.id, config.filesDir);
    return sendStored(reply, file, 'attachment');
  });
}
