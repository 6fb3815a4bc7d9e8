import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { period, projectListQuery } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { pickLocale } from '../../platform/errors.js';
import { type ModuleDeps, sendXlsx, zodApp } from '../../platform/http.js';
import { uploadOf } from '../../platform/uploads.js';
import { MAX_UPLOAD } from '../exchange/exchange.routes.js';
import { PROJECT_READERS, PROJECT_WORKERS, scopeOf } from './projects.policy.js';
import { PROJECT_IMPORT_KINDS } from './projects-exchange.columns.js';
import { exportProjects, importProjectWorkbook, projectTemplate } from './projects-exchange.service.js';

const tags = ['projects'];
const kindQuery = z.strictObject({ kind: z.enum(PROJECT_IMPORT_KINDS) });
const templateQuery = z.strictObject({ kind: z.enum(PROJECT_IMPORT_KINDS), period: period.optional() });
const importResult = z.object({ ok: z.literal(true), created: z.int(), updated: z.int(), unchanged: z.int(), skipped: z.int() });
const locale = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

/** Excel in and out for the project registry: the filtered list, prefilled templates, all-or-nothing imports. */
export async function projectExchangeRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  // Multipart only in this module's scope: one workbook, at most the plan import's size.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
  const r = zodApp(app);

  r.get('/api/v1/projects/export', { config: { access: PROJECT_READERS }, schema: { tags, querystring: projectListQuery } }, async (req, reply) => {
    const { name, data } = await exportProjects(db, req.actor, authOf(req).zoneId, req.query, locale(req));
    return sendXlsx(reply, name, data);
  });

  r.get('/api/v1/projects/template.xlsx', { config: { access: PROJECT_READERS }, schema: { tags, querystring: templateQuery } }, async (req, reply) => {
    const auth = authOf(req);
    const { name, data } = await projectTemplate(db, scopeOf(auth), auth.zoneId, req.query.kind, req.query.period, locale(req));
    return sendXlsx(reply, name, data);
  });

  // Route access admits lead-unit staff; the service keeps project imports to the office and progress rows to the user's units.
  r.post('/api/v1/projects/import', { config: { access: PROJECT_WORKERS }, schema: { tags, querystring: kindQuery, consumes: ['multipart/form-data'], response: { 200: importResult } } }, async (req) => {
    const file = await uploadOf(req);
    const auth = authOf(req);
    return importProjectWorkbook(db, req.actor, scopeOf(auth), auth.zoneId, req.query.kind, file, locale(req));
  });
}
