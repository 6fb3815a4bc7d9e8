import type { FastifyInstance } from 'fastify';
import { type Role, createPlanBody, pageOf, plan, planParams, planQuery, updatePlanBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import * as plans from './plans.service.js';

/**
 * Business roles that read plans. `enterprise` users are refused for now: plans are business-internal
 * until the portal exposes public plans and items; privileged administrators do no business work.
 */
export const PLAN_READERS: readonly Role[] = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer'];
/** Until the reporting issue lands, the office records everything directly. */
export const PLAN_WRITERS: readonly Role[] = ['office'];

const tags = ['plans'];

/** Plans: list, read with the roll-up, create and change (the office). */
export async function planRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/plans', { config: { access: PLAN_READERS }, schema: { tags, response: { 200: pageOf(plan) } } }, async (req) =>
    plans.listPlans(db, authOf(req).zoneId),
  );

  r.post('/api/v1/plans', { config: { access: PLAN_WRITERS }, schema: { tags, body: createPlanBody, response: { 201: plan } } }, async (req, reply) =>
    reply.status(201).send(await plans.createPlan(db, req.actor, authOf(req).zoneId, req.body)),
  );

  r.get('/api/v1/plans/:planId', { config: { access: PLAN_READERS }, schema: { tags, params: planParams, querystring: planQuery, response: { 200: plan } } }, async (req) =>
    plans.getPlan(db, authOf(req).zoneId, req.params.planId, req.query),
  );

  r.patch('/api/v1/plans/:planId', { config: { access: PLAN_WRITERS }, schema: { tags, params: planParams, body: updatePlanBody, response: { 200: plan } } }, async (req) =>
    plans.updatePlan(db, req.actor, authOf(req).zoneId, req.params.planId, req.body),
  );
}
