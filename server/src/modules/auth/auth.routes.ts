import type { FastifyInstance } from 'fastify';
import { changePasswordBody, loginBody, loginResponse, meResponse, okResponse, totpBody, totpEnrolResponse } from '@lantu/core';
import { AppError } from '../../platform/errors.js';
import { authOf } from '../../platform/guard.js';
import { clearSessionCookies, type ModuleDeps, setSessionCookies, zodApp } from '../../platform/http.js';
import { loadSession } from '../../platform/sessions.js';
import * as auth from './auth.service.js';

const tags = ['auth'];

export async function authRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const r = zodApp(app);
  const { db, clock } = deps;

  r.post('/api/v1/auth/login', { config: { access: 'public' }, schema: { tags, body: loginBody, response: { 200: loginResponse } } }, async (req, reply) => {
    const result = await auth.login(db, clock, req.actor, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
    if (!result.ok) throw new AppError(result.code);
    setSessionCookies(req, reply, result.token, result.csrfToken);
    const session = (await loadSession(db, result.token, clock))!;
    const demoTotpCode = deps.config.nodeEnv === 'production' ? undefined : await auth.demoTotpCode(db, result.userId, clock.now());
    return { ...(await auth.meView(db, session)), ...(demoTotpCode && result.stage === 'totp' ? { demoTotpCode } : {}) };
  });

  r.get('/api/v1/auth/me', { config: { access: 'session' }, schema: { tags, response: { 200: meResponse } } }, async (req) =>
    auth.meView(db, authOf(req)),
  );

  r.post('/api/v1/auth/totp', { config: { access: 'session' }, schema: { tags, body: totpBody, response: { 200: meResponse } } }, async (req) => {
    await auth.verifyTotpStep(db, clock, req.actor, authOf(req), req.body.code);
    return auth.meView(db, { ...authOf(req), stage: 'ok' });
  });

  r.post('/api/v1/auth/totp/enrol', { config: { access: 'session' }, schema: { tags, response: { 200: totpEnrolResponse } } }, async (req) =>
    auth.startTotpEnrolment(db, authOf(req)),
  );

  r.post('/api/v1/auth/totp/enrol/confirm', { config: { access: 'session' }, schema: { tags, body: totpBody, response: { 200: meResponse } } }, async (req) => {
    await auth.confirmTotpEnrolment(db, clock, req.actor, authOf(req), req.body.code);
    return auth.meView(db, { ...authOf(req), stage: 'ok' });
  });

  r.post('/api/v1/auth/logout', { config: { access: 'session' }, schema: { tags, response: { 200: okResponse } } }, async (req, reply) => {
    await auth.logout(db, req.actor, authOf(req));
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.post('/api/v1/auth/password', { config: { access: 'user' }, schema: { tags, body: changePasswordBody, response: { 200: okResponse } } }, async (req) => {
    await auth.changeOwnPassword(db, clock, req.actor, authOf(req), req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });
}
