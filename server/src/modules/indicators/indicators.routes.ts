import type { FastifyInstance } from 'fastify';
import { createIndicatorBody, idParams, indicator, indicatorListQuery, indicatorSeries, okResponse, pageOf, updateIndicatorBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { PLAN_READERS, PLAN_WRITERS } from '../plans/plans.routes.js';
import * as indicators from './indicators.service.js';
import { indicatorSeries as seriesOf } from './series.service.js';

const tags = ['indicators'];

/** Indicators with their evaluation, their monthly chart series, and changes by the office. */
export async function indicatorRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/indicators', { config: { access: PLAN_READERS }, schema: { tags, querystring: indicatorListQuery, response: { 200: pageOf(indicator) } } }, async (req) =>
    indicators.listIndicators(db, authOf(req).zoneId, req.query),
  );

  r.get('/api/v1/items/:id/indicators', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, response: { 200: pageOf(indicator) } } }, async (req) =>
    indicators.listItemIndicators(db, authOf(req).zoneId, req.params.id),
  );

  r.post('/api/v1/items/:id/indicators', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, body: createIndicatorBody, response: { 201: indicator } } }, async (req, reply) =>
    reply.status(201).send(await indicators.createIndicator(db, req.actor, authOf(req).zoneId, req.params.id, req.body)),
  );

  r.get('/api/v1/indicators/:id', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, response: { 200: indicator } } }, async (req) =>
    indicators.getIndicator(db, authOf(req).zoneId, req.params.id),
  );

  r.patch('/api/v1/indicators/:id', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, body: updateIndicatorBody, response: { 200: indicator } } }, async (req) =>
    indicators.updateIndicator(db, req.actor, authOf(req).zoneId, req.params.id, req.body),
  );

  r.delete('/api/v1/indicators/:id', { config: { access: PLAN_WRITERS }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    await indicators.deleteIndicator(db, req.actor, authOf(req).zoneId, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/indicators/:id/series', { config: { access: PLAN_READERS }, schema: { tags, params: idParams, response: { 200: indicatorSeries } } }, async (req) =>
    seriesOf(db, authOf(req).zoneId, req.params.id),
  );
}
