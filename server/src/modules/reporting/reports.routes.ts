import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { evidenceMeta, idParams, lineParams, pageOf, putLineBody, reopenReportBody, reportActionBody, reportDetail, reportLine, reportListQuery, returnReportBody, unitReport } from '@lantu/core';
import { pickLocale } from '../../platform/errors.js';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, sendXlsx, zodApp } from '../../platform/http.js';
import { uploadOf } from '../../platform/uploads.js';
import { MAX_UPLOAD } from '../exchange/exchange.routes.js';
import { acceptReport } from './accept.service.js';
import { remindResult } from './cycles.routes.js';
import { putLine } from './lines.service.js';
import { addLineEvidence } from './report-files.service.js';
import { importReport } from './report-import.js';
import { reportWorkbook } from './report-workbook.js';
import { OFFICE, READ_ROLES, RETURNERS, UNIT_HEAD, UNIT_STAFF, reportScopeOf } from './reporting.policy.js';
import { getReport, listReports } from './reports.read.js';
import { approveReport, remindReport, reopenReport, returnReport, submitReport } from './transitions.service.js';

const tags = ['reporting'];
const importResult = z.object({ ok: z.literal(true), updated: z.int(), unchanged: z.int() });
const scope = (req: FastifyRequest) => reportScopeOf(authOf(req));
const zone = (req: FastifyRequest) => authOf(req).zoneId;
const locale = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

/** Unit reports: reading, filling in line by line, the review steps, reminders and the workbook. */
export async function reportRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const { db } = deps;
  const r = zodApp(app);

  r.get('/api/v1/reports', { config: { access: READ_ROLES }, schema: { tags, querystring: reportListQuery, response: { 200: pageOf(unitReport) } } }, async (req) =>
    listReports(db, scope(req), zone(req), req.query),
  );

  r.get('/api/v1/reports/:id', { config: { access: READ_ROLES }, schema: { tags, params: idParams, response: { 200: reportDetail } } }, async (req) =>
    getReport(db, scope(req), zone(req), req.params.id),
  );

  r.put('/api/v1/reports/:id/lines/:lineId', { config: { access: UNIT_STAFF }, schema: { tags, params: lineParams, body: putLineBody, response: { 200: reportLine } } }, async (req) =>
    putLine(db, req.actor, scope(req), zone(req), req.params.id, req.params.lineId, req.body),
  );

  const steps = {
    submit: { access: UNIT_STAFF, run: submitReport },
    approve: { access: UNIT_HEAD, run: approveReport },
    accept: { access: OFFICE, run: acceptReport },
  } as const;
  for (const [verb, s] of Object.entries(steps)) {
    r.post(`/api/v1/reports/:id/${verb}`, { config: { access: s.access }, schema: { tags, params: idParams, body: reportActionBody, response: { 200: unitReport } } }, async (req) =>
      s.run(db, req.actor, scope(req), zone(req), req.params.id, req.body.version),
    );
  }

  r.post('/api/v1/reports/:id/return', { config: { access: RETURNERS }, schema: { tags, params: idParams, body: returnReportBody, response: { 200: unitReport } } }, async (req) =>
    returnReport(db, req.actor, scope(req), zone(req), req.params.id, req.body),
  );

  r.post('/api/v1/reports/:id/reopen', { config: { access: OFFICE }, schema: { tags, params: idParams, body: reopenReportBody, response: { 200: unitReport } } }, async (req) =>
    reopenReport(db, req.actor, scope(req), zone(req), req.params.id, req.body),
  );

  r.post('/api/v1/reports/:id/remind', { config: { access: OFFICE }, schema: { tags, params: idParams, response: { 200: remindResult } } }, async (req) =>
    remindReport(db, req.actor, zone(req), req.params.id),
  );

  r.get('/api/v1/reports/:id/workbook', { config: { access: READ_ROLES }, schema: { tags, params: idParams } }, async (req, reply) => {
    const { name, data } = await reportWorkbook(db, req.actor, scope(req), zone(req), req.params.id, locale(req));
    return sendXlsx(reply, name, data);
  });

  await app.register(uploadRoutes, deps);
}

/** The two multipart routes, each scope with its own size limit (→ 413). */
async function uploadRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  await app.register(async (evidence) => {
    await evidence.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
    zodApp(evidence).post(
      '/api/v1/reports/:id/lines/:lineId/evidence',
      { config: { access: UNIT_STAFF }, schema: { tags, params: lineParams, consumes: ['multipart/form-data'], response: { 201: evidenceMeta } } },
      async (req, reply) => {
        const file = await uploadOf(req);
        return reply.status(201).send(await addLineEvidence(db, req.actor, scope(req), zone(req), req.params.id, req.params.lineId, file, config.filesDir));
      },
    );
  });
  await app.register(async (workbook) => {
    await workbook.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
    zodApp(workbook).post('/api/v1/reports/:id/import', { config: { access: UNIT_STAFF }, schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 200: importResult } } }, async (req) =>
      importReport(db, req.actor, scope(req), zone(req), req.params.id, await uploadOf(req), locale(req)),
    );
  });
}
