/**
 * Fuzzing drill: every route of the API, driven with requests generated from its own OpenAPI
 * schema (GET /api/docs/json, which the zod schemas of the routes produce): valid ones built by
 * fast-check from the schema with real ids, and invalid ones (wrong types, broken constraints,
 * missing and unknown fields, huge strings, deep nesting, unicode edge cases, bad JSON, ids of
 * another zone, of another unit, of another kind of object), sent in-process to the real app on
 * a database holding the demo zone and a second zone.
 *
 *   npm run drill:fuzz                          # 100 requests per route, PGlite then PostgreSQL
 *   npm run drill:fuzz -- --short               # 12 per route on PGlite (CI)
 *   npm run drill:fuzz -- --db postgres --runs 300 --route reports --seed 42
 *
 * Must hold: 0 responses 5xx; 0 responses that break their documented schema (declared response
 * schema for its status, else the error shape with a known code and its status); 0 stack traces
 * in bodies; 0 changes of business data by rejected requests; 0 requests naming another zone's
 * object answered 2xx; every route in the OpenAPI document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { ERROR_CODES, isErrorCode } from '@lantu/core';
import { buildApp, type BuiltApp } from '../server/src/app.js';
import { queryRows } from '../server/src/db/client.js';
import { testConfig } from '../server/src/config.js';
import { FakeClock } from '../server/src/platform/clock.js';
import { validate } from './lib/jsonschema.js';
import { type Access, type Req, ROLES, SELF_ROUTES, STACK, UUID_RE, XLSX, body, fillPath, operations, query, sameAnswer } from './lib/fuzz-requests.js';
import { type World, VICTIMS, fingerprint, nextXid, openWorld, pools, sessionFor } from './lib/fuzz-world.js';
import { postgresReachable } from './lib/proc.js';
import { Drill, runDrill } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string' },
    short: { type: 'boolean', default: false },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    route: { type: 'string' },
    results: { type: 'string' },
  },
});
const RUNS = Number(args.runs ?? (args.short ? 12 : 100));
const DBS = (args.db ?? (args.short ? 'pglite' : 'both')) === 'both' ? ['pglite', 'postgres'] : [args.db ?? 'pglite'];
const SEED = Number(args.seed);

interface Finding {
  rule: string;
  route: string;
  detail: string;
}

interface RunStats {
  requests: number;
  byStatus: Map<number, number>;
  routes2xx: Set<string>;
  findings: Finding[];
  sessionsRenewed: number;
  never: string[];
}

async function fuzzDb(drill: Drill, kind: 'pglite' | 'postgres'): Promise<void> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const t0 = performance.now();
  const world: World = await openWorld(kind);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-drill-fuzz-files-'));
  const clock = new FakeClock(Date.now());
  const app: BuiltApp = await buildApp({ database: world.database, config: testConfig({ filesDir }), clock });
  try {
    await app.ready();
    drill.figure(`${label} world ready (two seeded zones)`, performance.now() - t0, 'ms');
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/docs/json' })).body);
    const ops = operations(doc).filter((o) => !args.route || o.url.includes(args.route));
    const documented = new Set(ops.map((o) => `${o.method} ${o.url}`));
    const access = new Map(app.apiRoutes.map((r) => [`${r.method} ${r.url}`, r.access as Access]));
    if (!args.route) {
      const missing = [...access.keys()].filter((k) => !documented.has(k));
      drill.hold(`${label}: every route is in the OpenAPI document`, missing.length === 0, missing.length ? missing.join(', ') : `${access.size} routes`);
    }
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    for (const r of ROLES) sessions.set(r, await sessionFor(world, clock, r));
    const victim = async () => sessionFor(world, clock, VICTIMS[Math.floor(Math.random() * 3)]!);
    const [plan] = await queryRows<{ id: string }>(world.database.db, sql`select id::text as id from plan where zone_id = ${world.zoneA} limit 1`);
    const tpl = await app.inject({ method: 'GET', url: `/api/v1/plans/${plan!.id}/template`, headers: { cookie: sessions.get('office')!.cookie } });
    XLSX.current = tpl.rawPayload;

    const stats: RunStats = { requests: 0, byStatus: new Map(), routes2xx: new Set(), findings: [], sessionsRenewed: 0, never: [] };
    const db = world.database.db;
    let xid = await nextXid(db);
    let fp = await fingerprint(db, filesDir);
    const note = (rule: string, route: string, detail: string) => {
      if (stats.findings.filter((f) => f.rule === rule && f.route === route).length < 3) stats.findings.push({ rule, route, detail });
    };

    for (const [n, op] of ops.entries()) {
      const route = `${op.method} ${op.url}`;
      const rule = access.get(route) ?? 'public';
      const roles = rule === 'public' ? [null, ...ROLES] : rule === 'session' || rule === 'user' ? ROLES : [...rule];
      const p = await pools(world);
      const reqArb = fc
        .tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom(...roles), fc.integer({ min: 0, max: 99 }))
        .chain(([dice, role, csrfDice]) => {
          const valid = dice < 45;
          const part = valid ? 'none' : dice < 60 ? 'path' : dice < 72 && op.params.some((x) => x.in === 'query') ? 'query' : 'body';
          return fc.tuple(fillPath(op, p, part !== 'path'), query(op, p, part !== 'query'), body(op, p, part !== 'body' || op.method === 'GET' || op.method === 'DELETE')).map(([url, qs, b]): Req => {
            const headers: Record<string, string> = { host: 'localhost', origin: 'http://localhost' };
            if (b.type) headers['content-type'] = b.type;
            const badCsrf = op.method !== 'GET' && csrfDice < 3;
            if (badCsrf) headers.origin = 'http://evil.example';
            return { kind: valid ? 'valid' : badCsrf ? 'bad origin' : `${part}: ${b.kind}`, method: op.method, url: url + qs, headers, payload: op.method === 'GET' ? undefined : b.payload, role };
          });
        });
      const samples = fc.sample(reqArb, { numRuns: RUNS, seed: SEED + n });
      for (const req of samples) {
        const self = SELF_ROUTES.test(op.url);
        const s = req.role === null ? null : self ? await victim() : sessions.get(req.role)!;
        if (self) [xid, fp] = [await nextXid(db), await fingerprint(db, filesDir)];
        const headers = { ...req.headers, ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) };
        const res = await app.inject({ method: req.method as never, url: req.url, headers, ...(req.payload !== undefined ? { payload: req.payload } : {}) });
        stats.requests++;
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        const shown = `${req.kind} as ${req.role ?? 'anonymous'}: ${req.method} ${req.url.slice(0, 160)} ${typeof req.payload === 'string' ? req.payload.slice(0, 160) : ''} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (res.statusCode >= 500) note('5xx', route, shown);
        if (STACK.test(res.body)) note('stack trace', route, shown);
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (ok) stats.routes2xx.add(route);
        const isJson = String(res.headers['content-type'] ?? '').includes('application/json');
        const declared = op.responses[String(res.statusCode)];
        if (declared !== undefined) {
          if (declared && !isJson) note('schema', route, `declared JSON, got ${res.headers['content-type']}: ${shown}`);
          else if (declared) {
            const errs = validate(declared, res.json());
            if (errs.length) note('schema', route, `${errs.slice(0, 3).join('; ')} — ${shown}`);
          }
        } else if (res.statusCode >= 400) {
          const e = isJson ? (res.json() as { error?: { code?: unknown; message?: unknown } }).error : undefined;
          if (!e || !isErrorCode(e.code) || typeof e.message !== 'string') note('schema', route, `not the error shape: ${shown}`);
          else if (ERROR_CODES[e.code] !== res.statusCode) note('schema', route, `code ${e.code} is ${ERROR_CODES[e.code]}, answered ${res.statusCode}: ${shown}`);
        } else if (isJson) note('schema', route, `undocumented status ${res.statusCode}: ${shown}`);
        // Another zone's object named in the path, query or body must never be acted on, stored or shown:
        // a read may answer 2xx only exactly as it answers for an id that exists nowhere.
        const named = [...req.url.matchAll(UUID_RE), ...String(req.payload ?? '').matchAll(UUID_RE)].map((m) => m[0]);
        if (ok && named.some((id) => p.allB.has(id))) {
          if (req.method !== 'GET') note('other zone', route, shown);
          else {
            const nowhere = req.url.replace(UUID_RE, (id) => (p.allB.has(id) ? crypto.randomUUID() : id));
            const replay = await app.inject({ method: 'GET', url: nowhere, headers });
            if (!(await sameAnswer(res, replay))) note('other zone', route, `${shown} — for an unknown id: ${replay.statusCode} ${replay.body.slice(0, 120)}`);
          }
        }
        // Unit staff (the JFJ reporter and head) never act on another unit's report or project, nor read its report.
        if (ok && (req.role === 'reporter' || req.role === 'unit_head')) {
          const pathIds = [...req.url.split('?')[0]!.matchAll(UUID_RE)].map((m) => p.owner.get(m[0])).filter((o) => o && o.unitId !== p.staffUnit);
          if (pathIds.some((o) => o!.family === 'report' || req.method !== 'GET')) note('other unit', route, shown);
        }
        const now = await nextXid(db);
        if (now !== xid) {
          const after = await fingerprint(db, filesDir);
          if (res.statusCode >= 400) {
            const changed = [...after].filter(([t, f]) => fp.get(t) !== f).map(([t]) => t);
            if (changed.length) note('rejected but changed', route, `${changed.join(', ')} — ${shown}`);
          }
          [xid, fp] = [now, after];
        }
      }
      // A session ended by what was fuzzed (a logout, a password change) is replaced, not counted.
      for (const r of ROLES) {
        const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: sessions.get(r)!.cookie } });
        if (me.statusCode !== 200) {
          sessions.set(r, await sessionFor(world, clock, r));
          stats.sessionsRenewed++;
        }
      }
      [xid, fp] = [await nextXid(db), await fingerprint(db, filesDir)];
      if ((n + 1) % 20 === 0) drill.log(`${label}: ${n + 1}/${ops.length} routes, ${stats.requests} requests, ${stats.findings.length} findings`);
    }
    stats.never = ops.map((o) => `${o.method} ${o.url}`).filter((r) => !stats.routes2xx.has(r));
    report(drill, label, ops.length, stats, performance.now() - t0);
  } finally {
    await app.close();
    await world.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

function report(drill: Drill, label: string, routes: number, s: RunStats, ms: number): void {
  const of = (rule: string) => s.findings.filter((f) => f.rule === rule);
  const show = (fs: Finding[]) => fs.slice(0, 6).map((f) => `[${f.route}] ${f.detail}`).join('\n      ');
  drill.figure(`${label} routes`, routes);
  drill.figure(`${label} requests`, s.requests);
  drill.figure(`${label} requests per second`, s.requests / (ms / 1000));
  drill.figure(`${label} routes that answered 2xx at least once`, `${s.routes2xx.size} of ${routes}`);
  drill.figure(`${label} routes never answered 2xx`, s.never.join(', ') || 'none');
  drill.figure(`${label} statuses`, [...s.byStatus].sort(([a], [b]) => a - b).map(([k, v]) => `${k}×${v}`).join(' '));
  if (s.sessionsRenewed) drill.figure(`${label} sessions renewed after fuzzed logouts/disables`, s.sessionsRenewed);
  drill.hold(`${label}: 0 responses 5xx`, of('5xx').length === 0, of('5xx').length ? show(of('5xx')) : `${s.requests} requests`);
  drill.hold(`${label}: 0 responses breaking their documented schema`, of('schema').length === 0, of('schema').length ? show(of('schema')) : 'every answer checked');
  drill.hold(`${label}: 0 stack traces in bodies`, of('stack trace').length === 0, of('stack trace').length ? show(of('stack trace')) : 'none');
  drill.hold(`${label}: 0 changes from rejected requests`, of('rejected but changed').length === 0, of('rejected but changed').length ? show(of('rejected but changed')) : 'business tables unchanged by every 4xx');
  drill.hold(`${label}: 0 other zone's objects reached`, of('other zone').length === 0, of('other zone').length ? show(of('other zone')) : 'no 2xx on another zone’s ids');
  drill.hold(`${label}: 0 other unit's reports reached, nor its projects changed, by unit staff`, of('other unit').length === 0, of('other unit').length ? show(of('other unit')) : 'none');
}

const drill = new Drill('fuzz', args.results);
await runDrill(drill, async () => {
  drill.figure('seed (replay with --seed)', SEED);
  drill.figure('requests per route', RUNS);
  for (const kind of DBS as ('pglite' | 'postgres')[]) {
    if (kind === 'postgres' && !(await postgresReachable())) throw new Error('PostgreSQL does not answer');
    await fuzzDb(drill, kind);
  }
});
