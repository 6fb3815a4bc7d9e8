import type { FastifyInstance } from 'fastify';
import { idParams, okResponse, pageOf, progressParams, projectProgress, putProgressBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PROJECT_READERS, PROJECT_WORKERS, scopeOf } from './projects.policy.js';
import * as progress from './progress.service.js';

const tags = ['projects'];

/** Monthly progress of a project: the office or the staff of its lead unit record it. */
export async function progressRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/projects/:id/progress', { config: { access: PROJECT_READERS }, schema: { tags, params: idParams, response: { 200: pageOf(projectProgress) } } }, async (req) =>
    progress.listProgress(db, authOf(req).zoneId, req.params.id),
  );

  r.put('/api/v1/projects/:id/progress/:period', { config: { access: PROJECT_WORKERS }, schema: { tags, params: progressParams, body: putProgressBody, response: { 200: projectProgress } } }, async (req) =>
    progress.putProgress(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.params.period, req.body),
  );

  r.delete('/api/v1/projects/:id/progress/:period', { config: { access: PROJECT_WORKERS }, schema: { tags, params: progressParams, response: { 200: okResponse } } }, async (req) => {
    await progress.deleteProgress(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.params.period, config.filesDir);
    return { ok: true as const };
  });
}
