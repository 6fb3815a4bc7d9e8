import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { buildApp, type BuiltApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { FakeClock } from '../src/platform/clock.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-units.js';
import { withDatabase } from './global-setup.js';

export const ORIGIN = 'http://localhost';
export { DEMO_PASSWORD };

async function pgAdmin(url: string, query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

/** A new PostgreSQL database (a copy of `template` when given), dropped again on close. */
async function newPostgresDatabase(pgTpl: { url: string; name: string }, template?: string): Promise<Database> {
  const name = `lantu_t_${pgTpl.name.split('_').pop()}_${randomBytes(4).toString('hex')}`;
  await pgAdmin(pgTpl.url, `create database ${name}${template ? ` template ${template}` : ''}`);
  const database = await openPostgres(withDatabase(pgTpl.url, name), 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      await pgAdmin(pgTpl.url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A fresh copy of the migrated, seeded template database (PGlite in memory, or PostgreSQL). */
export async function testDatabase(): Promise<Database> {
  const pgTpl = inject('pgTemplate');
  if (pgTpl) return newPostgresDatabase(pgTpl, pgTpl.name);
  const tarball = fs.readFileSync(inject('pgliteTemplate'));
  return openPglite('memory://', new Blob([tarball]));
}

/** A new database with no schema and no rows (PGlite in memory, or a new PostgreSQL database). */
export async function emptyDatabase(): Promise<Database> {
  const pgTpl = inject('pgTemplate');
  return pgTpl ? newPostgresDatabase(pgTpl) : openPglite('memory://');
}

export interface TestApp {
  app: BuiltApp;
  database: Database;
  clock: FakeClock;
  close(): Promise<void>;
}

export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  const clock = new FakeClock(Date.now());
  const app = await buildApp({ database, config: testConfig(), clock });
  return { app, database, clock, close: async () => { await app.close(); await database.close(); } };
}

/** A signed-in client: cookie and CSRF token sent with every request. */
export interface Session {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export function sessionFrom(app: BuiltApp, cookie: string, csrf: string): Session {
  return {
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        headers: { cookie, origin: ORIGIN, host: 'localhost', 'x-csrf-token': csrf, ...headers },
        ...(body !== undefined ? { payload: body as never } : {}),
      }),
  };
}

export function post(app: BuiltApp, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: payload as never, headers: { origin: ORIGIN, host: 'localhost', ...headers } });
}

/** Signs in a demo account, passing the TOTP step with the demo code when the role needs it. */
export async function login(app: BuiltApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await post(app, '/api/v1/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json<{ stage: string; csrfToken: string; demoTotpCode?: string }>();
  const session = sessionFrom(app, cookieHeader(res), body.csrfToken);
  if (body.stage === 'totp') {
    const t = await session.request('POST', '/api/v1/auth/totp', { code: body.demoTotpCode });
    if (t.statusCode !== 200) throw new Error(`totp ${username}: ${t.statusCode} ${t.body}`);
  }
  return session;
}
