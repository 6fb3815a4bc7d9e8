import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@lantu/core';
import type { Db } from '../db/client.js';
import { AppError } from './errors.js';
import { actorOf, type Access, type AuthContext } from './context.js';
import { CSRF_COOKIE, SESSION_COOKIE, loadSession, safeEqual } from './sessions.js';
import type { Clock } from './clock.js';

export const PASSWORD_ROUTE = '/api/v1/auth/password';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws unless the request may use a route with this access rule. */
export function checkAccess(req: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const auth = req.auth;
  if (!auth) throw new AppError(req.sessionExpired ? 'session_expired' : 'unauthenticated');
  if (access === 'session') return;
  if (auth.stage !== 'ok') throw new AppError('totp_required');
  // An account given a password by an administrator may do nothing else until it sets its own.
  if (auth.mustChangePassword && req.routeOptions.url !== PASSWORD_ROUTE) throw new AppError('password_change_required');
  if (access === 'user') return;
  if (!access.some((r) => auth.roles.has(r))) throw new AppError('forbidden');
}

/** The request's origin must be this server's own (CSRF, with the token check below). */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

/**
 * Requests, sessions, access rules and CSRF: the gate every /api request passes.
 * @returns the list of /api routes with their access rules, filled as routes register
 */
export function installGuard(app: FastifyInstance, deps: { db: Db; clock: Clock }): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('actor', null as never);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) {
      route.config = { ...(route.config as object), access: (route.config as { access?: Access })?.access ?? 'public' };
      return;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url, access });
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.url.startsWith('/api/')) {
      req.auth = await loadSession(deps.db, token, deps.clock);
      req.sessionExpired = req.auth === null;
    }
    req.actor = actorOf(req.auth, req.ip, String(req.id));
  });

  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access ?? 'public';
    checkAccess(req, access);
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    if (!sameOrigin(req)) throw new AppError('csrf_failed');
    if (req.auth) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.csrfToken)) throw new AppError('csrf_failed');
    }
  });
  return routes;
}

/** The signed-in user of a route whose access rule guarantees one. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('unauthenticated');
  return req.auth;
}

export function hasRole(req: FastifyRequest, ...roles: Role[]): boolean {
  return roles.some((r) => req.auth?.roles.has(r));
}

export { CSRF_COOKIE };
