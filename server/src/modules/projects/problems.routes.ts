import type { FastifyInstance } from 'fastify';
import { createProblemBody, idParams, pageOf, problem, problemActionBody, problemListQuery, updateProblemBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PROJECT_READERS, PROJECT_WORKERS, scopeOf } from './projects.policy.js';
import * as problems from './problems.service.js';

const tags = ['projects'];
const OFFICE = ['office'] as const;

/** 问题清单: problems on projects, owned by units; resolved by the owner unit, closed or reopened by the office. */
export async function problemRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/projects/:id/problems', { config: { access: PROJECT_READERS }, schema: { tags, params: idParams, response: { 200: pageOf(problem) } } }, async (req) =>
    problems.listProjectProblems(db, authOf(req).zoneId, req.params.id),
  );

  r.post('/api/v1/projects/:id/problems', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, body: createProblemBody, response: { 201: problem } } }, async (req, reply) =>
    reply.status(201).send(await problems.createProblem(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.body)),
  );

  r.get('/api/v1/project-problems', { config: { access: PROJECT_READERS }, schema: { tags, querystring: problemListQuery, response: { 200: pageOf(problem) } } }, async (req) =>
    problems.listProblems(db, authOf(req).zoneId, req.query),
  );

  r.patch('/api/v1/project-problems/:id', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, body: updateProblemBody, response: { 200: problem } } }, async (req) =>
    problems.updateProblem(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.body),
  );

  r.post('/api/v1/project-problems/:id/resolve', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, body: problemActionBody, response: { 200: problem } } }, async (req) =>
    problems.resolveProblem(db, req.actor, scopeOf(authOf(req)), authOf(req).zoneId, req.params.id, req.body),
  );

  r.post('/api/v1/project-problems/:id/close', { config: { access: OFFICE }, schema: { tags, params: idParams, body: problemActionBody, response: { 200: problem } } }, async (req) =>
    problems.closeProblem(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.post('/api/v1/project-problems/:id/reopen', { config: { access: OFFICE }, schema: { tags, params: idParams, body: problemActionBody, response: { 200: problem } } }, async (req) =>
    problems.reopenProblem(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );
}
