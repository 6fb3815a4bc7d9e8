import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { type Role, planParams } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { pickLocale } from '../../platform/errors.js';
import { type ModuleDeps, sendXlsx, zodApp } from '../../platform/http.js';
import { IMPORT_KINDS } from './exchange.columns.js';
import { exportPlan, planTemplate } from './exchange.service.js';
import { uploadOf } from '../../platform/uploads.js';
import { importWorkbook } from './exchange.import.js';

/** Business roles that read plans may export them and fetch templates. */
export const EXCHANGE_READERS: readonly Role[] = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer'];
/** Only the office (目标办) imports into a plan. */
export const IMPORTERS: readonly Role[] = ['office'];
/** Largest workbook an import accepts. */
export const MAX_UPLOAD = 10 * 1024 * 1024;

const tags = ['exchange'];
const kindQuery = z.strictObject({ kind: z.enum(IMPORT_KINDS) });
const counts = z.object({ items: z.int(), indicators: z.int(), values: z.int() });
const importResult = z.object({ ok: z.literal(true), created: counts, updated: counts, unchanged: z.int(), skipped: z.int() });
const locale = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

export async function exchangeRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  // Multipart only in this module's scope: one file, at most 10 MB.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
  const r = zodApp(app);

  r.get('/api/v1/plans/:planId/export', { config: { access: EXCHANGE_READERS }, schema: { tags, params: planParams } }, async (req, reply) => {
    const { name, data } = await exportPlan(db, req.actor, authOf(req).zoneId, req.params.planId, locale(req));
    return sendXlsx(reply, name, data);
  });

  r.get('/api/v1/plans/:planId/template', { config: { access: EXCHANGE_READERS }, schema: { tags, params: planParams, querystring: kindQuery } }, async (req, reply) => {
    const { name, data } = await planTemplate(db, authOf(req).zoneId, req.params.planId, req.query.kind, locale(req));
    return sendXlsx(reply, name, data);
  });

  r.post('/api/v1/plans/:planId/import', { config: { access: IMPORTERS }, schema: { tags, params: planParams, querystring: kindQuery, consumes: ['multipart/form-data'], response: { 200: importResult } } }, async (req) => {
    const file = await uploadOf(req);
    return importWorkbook(db, req.actor, authOf(req).zoneId, req.params.planId, req.query.kind, file, locale(req));
  });
}
