import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Db } from '../db/client.js';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.js';

/** What buildApp is given; modules receive it as plugin options. */
export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
}

export interface ModuleDeps extends AppDeps {
  db: Db;
}

export type ZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function zodApp(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string): void {
  const secure = req.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  reply.setCookie(CSRF_COOKIE, csrfToken, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Sends an .xlsx buffer as a download. */
export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer | ArrayBuffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(Buffer.from(data as ArrayBuffer));
}
