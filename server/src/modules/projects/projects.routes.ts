import type { FastifyInstance } from 'fastify';
import { advanceStageBody, createProjectBody, idParams, okResponse, pageOf, project, projectListQuery, projectMap, revertStageBody, updateProjectBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PROJECT_READERS, PROJECT_WORKERS, scopeOf } from './projects.policy.js';
import * as projects from './projects.service.js';
import * as stages from './stages.service.js';

const tags = ['projects'];
const OFFICE = ['office'] as const;

/** The project registry: list, map, read, changes by the office, and stage changes as explicit acts. */
export async function projectRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/projects', { config: { access: PROJECT_READERS }, schema: { tags, querystring: projectListQuery, response: { 200: pageOf(project) } } }, async (req) =>
    projects.listProjects(db, authOf(req).zoneId, req.query),
  );

  r.get('/api/v1/projects/map', { config: { access: PROJECT_READERS }, schema: { tags, querystring: projectListQuery, response: { 200: projectMap } } }, async (req) =>
    projects.projectMap(db, authOf(req).zoneId, req.query, config.mapTileUrl),
  );

  r.post('/api/v1/projects', { config: { access: OFFICE }, schema: { tags, body: createProjectBody, response: { 201: project } } }, async (req, reply) =>
    reply.status(201).send(await projects.createProject(db, req.actor, authOf(req).zoneId, req.body)),
  );

  r.get('/api/v1/projects/:id', { config: { access: PROJECT_READERS }, schema: { tags, params: idParams, response: { 200: project } } }, async (req) =>
    projects.getProject(db, authOf(req).zoneId, req.params.id),
  );

  r.patch('/api/v1/projects/:id', { config: { access: OFFICE }, schema: { tags, params: idParams, body: updateProjectBody, response: { 200: project } } }, async (req) =>
    projects.updateProject(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.delete('/api/v1/projects/:id', { config: { access: OFFICE }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await projects.deleteProject(db, req.actor, authOf(req).zoneId, req.params.id, config.filesDir);
    return { ok: true as const };
  });

  r.post('/api/v1/projects/:id/advance', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, body: advanceStageBody, response: { 200: project } } }, async (req) =>
    stages.advanceStage(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.body),
  );

  r.post('/api/v1/projects/:id/revert', { config: { access: OFFICE }, schema: { tags, params: idParams, body: revertStageBody, response: { 200: project } } }, async (req) =>
    stages.revertStage(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );
}
