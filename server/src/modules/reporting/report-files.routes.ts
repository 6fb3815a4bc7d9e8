import type { FastifyInstance } from 'fastify';
import { idParams, okResponse } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { READ_ROLES, UNIT_STAFF, reportScopeOf } from './reporting.policy.js';
import * as files from './report-files.service.js';
import { sendStored } from '../../platform/files.js';

const tags = ['reporting'];

/** Evidence files of report lines: downloaded by whoever may read the report, removed by the unit's staff. */
export async function reportFileRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/report-files/:id', { config: { access: READ_ROLES }, schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await files.getReportFile(db, reportScopeOf(authOf(req)), authOf(req).zoneId, req.params.id, config.filesDir);
    return sendStored(reply, file, 'attachment');
  });

  r.delete('/api/v1/report-files/:id', { config: { access: UNIT_STAFF }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await files.deleteReportFile(db, req.actor, reportScopeOf(authOf(req)), authOf(req).zoneId, req.params.id);
    return { ok: true as const };
  });
}
