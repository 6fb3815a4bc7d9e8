import type { FastifyInstance } from 'fastify';
import { policyResponse, updatePolicyBody } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { getPolicy, updatePolicy } from './security.service.js';

const tags = ['security'];

export async function securityRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);
  r.get('/api/v1/security/policy', { config: { access: ['secadmin'] }, schema: { tags, response: { 200: policyResponse } } }, async (req) =>
    getPolicy(db, authOf(req).zoneId),
  );
  r.put('/api/v1/security/policy', { config: { access: ['secadmin'] }, schema: { tags, body: updatePolicyBody, response: { 200: policyResponse } } }, async (req) =>
    updatePolicy(db, req.actor, authOf(req).zoneId, req.body),
  );
}
