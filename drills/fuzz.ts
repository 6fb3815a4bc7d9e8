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
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { ERROR_CODES, isErrorCode } from '@lantu/core';
import { buildApp, type BuiltApp } from '../server/src/app.js';
import { queryRows } from '../server/src/db/client.js';
import { testConfig } from '../server/src/config.js';
import { FakeClock } from '../server/src/platform/clock.js';
import { EDGE_TEXT, type Hints, type Schema, arbitrary, breaking, validate, wrongType } from './lib/jsonschema.js';
import { type PoolTable, type Pools, type World, VICTIMS, fingerprint, nextXid, openWorld, pools, sessionFor } from './lib/fuzz-world.js';
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
if (args.results) process.env.DRILL_RESULTS = args.results;
const RUNS = Number(args.runs ?? (args.short ? 12 : 100));
const DBS = (args.db ?? (args.short ? 'pglite' : 'both')) === 'both' ? ['pglite', 'postgres'] : [args.db ?? 'pglite'];
const SEED = Number(args.seed);

type Op = { method: string; path: string; url: string; params: { name: string; in: string; required?: boolean; schema: Schema }[]; body?: Schema; multipart: boolean; responses: Record<string, Schema | null> };
type Access = 'public' | 'session' | 'user' | readonly string[];
interface Req {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  role: string | null;
}

const SEGMENT_TABLE: Record<string, PoolTable> = {
  units: 'unit', users: 'app_user', plans: 'plan', items: 'plan_item', indicators: 'indicator', 'indicator-values': 'indicator_value', evidence: 'evidence_file',
  projects: 'project', 'project-progress': 'project_progress', 'project-photos': 'project_photo', 'project-problems': 'project_problem', 'report-cycles': 'report_cycle',
  reports: 'unit_report', 'report-files': 'report_line_file', notifications: 'notification', 'notification-channels': 'notification_channel', deliveries: 'delivery',
};
const FIELD_TABLE: Record<string, PoolTable> = {
  unitId: 'unit', leadUnitId: 'unit', reportingUnitId: 'unit', ownerUnitId: 'unit', coUnitIds: 'unit', itemId: 'plan_item', alignedItemIds: 'plan_item', planId: 'plan',
  cycleId: 'report_cycle', indicatorId: 'indicator', projectId: 'project', leaderId: 'app_user', ownerId: 'app_user', userId: 'app_user', lineId: 'report_line',
  channelId: 'notification_channel', grantId: 'role_grant',
};
const ROLES = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer', 'enterprise', 'sysadmin', 'secadmin', 'auditor'];
/** Routes that end or change the caller's own session or account: each request gets a fresh session of a victim. */
const SELF_ROUTES = /^\/api\/v1\/auth\/(logout|password|totp)/;
const MULTIPART = /\/(evidence|photos|import)$/;
const STACK = /(\bat [\w$.<>[\] ]+ \(.*:\d+:\d+\))|node:internal|(\.(ts|js|mjs):\d+:\d+)|\/work\/|[A-Za-z]+Error: .+\n\s+at /;

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const toRoute = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

function operations(doc: { paths: Record<string, Record<string, { parameters?: Op['params']; requestBody?: { content: Record<string, { schema: Schema }> }; responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>> }): Op[] {
  const ops: Op[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, o] of Object.entries(methods)) {
      const responses: Record<string, Schema | null> = {};
      for (const [status, r] of Object.entries(o.responses ?? {})) responses[status] = r.content?.['application/json']?.schema ?? null;
      ops.push({ method: m.toUpperCase(), path: p, url: toRoute(p), params: o.parameters ?? [], body: o.requestBody?.content['application/json']?.schema, multipart: MULTIPART.test(p) && m === 'post', responses });
    }
  }
  const rank = (o: Op) => (o.method === 'GET' ? 0 : o.method === 'DELETE' ? 2 : 1);
  return ops.sort((a, b) => rank(a) - rank(b) || (a.url < b.url ? -1 : 1));
}

/** Ids for a table: mostly the caller's zone, sometimes the other zone's, sometimes nobody's. */
function idArb(p: Pools, table: PoolTable | undefined): fc.Arbitrary<string> {
  const choices: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [{ weight: 1, arbitrary: fc.uuid() }];
  if (table && p[table].a.length) choices.push({ weight: 8, arbitrary: fc.constantFrom(...p[table].a) });
  if (table && p[table].b.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...p[table].b) });
  // Objects of the unit the demo's unit staff work in: their writes can succeed and reach deeper.
  const mine = table ? p[table].a.filter((id) => p.owner.get(id)?.unitId === p.staffUnit) : [];
  if (mine.length) choices.push({ weight: 8, arbitrary: fc.constantFrom(...mine) });
  const any = POOLED(p);
  if (any.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...any) });
  return fc.oneof(...choices);
}
const POOLED = (p: Pools) => Object.values(p).flatMap((v) => (v && typeof v === 'object' && 'a' in v ? (v as { a: string[] }).a.slice(0, 3) : []));

function hintsFor(op: Op, p: Pools): Hints {
  const segment = op.url.split('/')[3] ?? '';
  return {
    id: (field) => {
      if (field === 'parentId') return idArb(p, segment === 'units' ? 'unit' : 'plan_item');
      if (field === 'id') return idArb(p, SEGMENT_TABLE[segment]);
      return FIELD_TABLE[field] ? idArb(p, FIELD_TABLE[field]) : undefined;
    },
    field: (field, schema) => {
      if (field === 'version' && [schema.type].flat().includes('integer')) return fc.integer({ min: 0, max: 4 });
      if (field === 'period' && schema.pattern) return fc.integer({ min: 0, max: 47 }).map((i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
      return undefined;
    },
  };
}

const BAD_PARAMS = ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(300), '%E0%A4%A', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%F0%9F%98%80', 'ＡＢＣ', ''];
const RAW_BODIES = ['{"a":', 'null', '[]', '12', '"text"', '{"version":1,"version":"x"}', '\ufeff{}', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', '['.repeat(200_000) + ']'.repeat(200_000), `{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, '{"x":"' + 'x'.repeat(1_100_000) + '"}'];
const NASTY = ['\u0000', 'a\u0000b', '\ud800', '\udfff\ud83d', '\u202e\u0000', 'x'.repeat(100_000), '蓝'.repeat(20_000), ...EDGE_TEXT.slice(0, 6)];

const BOUNDARY = '----lantu-drill-fuzz';
function multipartBody(parts: { name: string; filename?: string; type?: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a2fd9b7e0000000049454e44ae426082', 'hex');

function fillPath(op: Op, p: Pools, valid: boolean): fc.Arbitrary<string> {
  const names = [...op.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(op.url);
  const segment = op.url.split('/')[3] ?? '';
  const value = (name: string, schema: Schema | undefined): fc.Arbitrary<string> => {
    if (name === 'period') return fc.integer({ min: 0, max: 47 }).map((i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    if (name === 'grantId') return idArb(p, 'role_grant');
    if (name === 'lineId') return idArb(p, 'report_line');
    if (name === 'planId') return idArb(p, 'plan');
    return schema?.format === 'uuid' || name === 'id' ? idArb(p, SEGMENT_TABLE[segment]) : fc.string({ minLength: 1, maxLength: 20 });
  };
  const arbs = names.map((n) => value(n, op.params.find((x) => x.in === 'path' && x.name === n)?.schema));
  return fc.tuple(fc.tuple(...arbs), fc.nat(names.length - 1), fc.constantFrom(...BAD_PARAMS), fc.boolean()).map(([vals, which, bad, lineOfReport]) => {
    const v = [...vals];
    // A line of the report named in the path, most of the time.
    const li = names.indexOf('lineId');
    if (li > 0 && lineOfReport) v[li] = p.linesOf.get(v[0]!)?.[0] ?? v[li]!;
    if (!valid) v[which] = bad;
    let i = 0;
    return op.url.replace(/:(\w+)/g, () => encodeURIComponent(v[i++]!).replace(/%25/g, '%'));
  });
}

function query(op: Op, p: Pools, valid: boolean): fc.Arbitrary<string> {
  const qs = op.params.filter((x) => x.in === 'query');
  if (qs.length === 0) return valid ? fc.constant('') : fc.constantFrom('', '?page=-1', '?x=1', `?q=${'x'.repeat(5000)}`);
  const hints = hintsFor(op, p);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of qs) record[q.name] = arbitrary(q.schema, hints, q.name);
  const base = fc.record(record, { requiredKeys: qs.filter((q) => q.required).map((q) => q.name) });
  const enc = (o: Record<string, unknown>) => {
    const s = Object.entries(o).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
    return s ? `?${s}` : '';
  };
  if (valid) return base.map(enc);
  return fc.tuple(base, fc.constantFrom(...qs), fc.oneof(fc.constant('wrong'), fc.constant('break'), fc.constant('repeat'))).chain(([o, q, how]) => {
    if (how === 'repeat') return fc.constant(enc(o) + `${Object.keys(o).length ? '&' : '?'}${q.name}=1&${q.name}=2`);
    const bad = how === 'break' ? (breaking(q.schema) ?? wrongType(q.schema)) : wrongType(q.schema);
    return bad.map((b) => enc({ ...o, [q.name]: b }));
  });
}

function body(op: Op, p: Pools, valid: boolean): fc.Arbitrary<{ payload?: string | Buffer; type?: string; kind: string }> {
  if (op.multipart) {
    const file = (name: string, type: string, data: Buffer) => multipartBody([{ name: 'file', filename: name, type, data }]);
    const validFiles = fc.constantFrom(file('说明.pdf', 'application/pdf', PDF), file('photo.png', 'image/png', PNG), file('模板.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', XLSX.current ?? PDF));
    const badFiles = fc.constantFrom(
      file('x.pdf', 'application/pdf', Buffer.from('not a pdf at all')),
      file('empty.xlsx', 'application/octet-stream', Buffer.alloc(0)),
      file('../../etc/passwd', 'text/plain', Buffer.from('root:x:0:0')),
      file('cut.xlsx', 'application/zip', (XLSX.current ?? PDF).subarray(0, 100)),
      file('a'.repeat(2000) + '.pdf', 'application/pdf', PDF),
      multipartBody([{ name: 'other', data: Buffer.from('no file') }]),
      multipartBody([{ name: 'file', filename: 'a.pdf', type: 'application/pdf', data: PDF }, { name: 'file', filename: 'b.pdf', type: 'application/pdf', data: PDF }]),
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-1.4 truncated`),
    );
    return (valid ? validFiles : badFiles).map((payload) => ({ payload, type: `multipart/form-data; boundary=${BOUNDARY}`, kind: valid ? 'valid file' : 'bad file' }));
  }
  if (!op.body) return fc.constant(valid ? { kind: 'valid' } : { kind: 'stray body', payload: '{"unexpected":true}', type: 'application/json' });
  const schema = op.body;
  const hints = hintsFor(op, p);
  const good = arbitrary(schema, hints).map((v) => JSON.stringify(v));
  if (valid) return good.map((payload) => ({ payload, type: 'application/json', kind: 'valid' }));
  const props = Object.entries(schema.properties ?? {});
  const objectArb = arbitrary(schema, hints) as fc.Arbitrary<Record<string, unknown>>;
  const mutations: fc.Arbitrary<{ payload: string; type: string; kind: string }>[] = [
    fc.constantFrom(...RAW_BODIES).map((payload) => ({ payload, type: 'application/json', kind: 'raw json' })),
    good.map((payload) => ({ payload, type: 'text/plain', kind: 'content-type' })),
    objectArb.map((o) => ({ payload: JSON.stringify({ ...o, ['unknown_' + Object.keys(o).length]: 1 }), type: 'application/json', kind: 'unknown field' })),
  ];
  if (props.length) {
    mutations.push(
      fc.tuple(objectArb, fc.constantFrom(...props)).chain(([o, [k, s]]) => wrongType(s).map((w) => ({ payload: JSON.stringify({ ...o, [k]: w }), type: 'application/json', kind: `wrong type ${k}` }))),
      fc.tuple(objectArb, fc.constantFrom(...props), fc.constantFrom(...NASTY)).map(([o, [k], n]) => ({ payload: JSON.stringify({ ...o, [k]: n }), type: 'application/json', kind: `unicode/huge ${k}` })),
    );
    const breakable = props.filter(([, s]) => breaking(s));
    if (breakable.length) mutations.push(fc.tuple(objectArb, fc.constantFrom(...breakable)).chain(([o, [k, s]]) => breaking(s)!.map((b) => ({ payload: JSON.stringify({ ...o, [k]: b }), type: 'application/json', kind: `broken ${k}` }))));
    const required = schema.required ?? [];
    if (required.length) mutations.push(fc.tuple(objectArb, fc.constantFrom(...required)).map(([o, k]) => ({ payload: JSON.stringify(Object.fromEntries(Object.entries(o).filter(([x]) => x !== k))), type: 'application/json', kind: `missing ${k}` })));
    const strings = props.filter(([, s]) => [s.type].flat().includes('string'));
    if (strings.length) mutations.push(fc.tuple(objectArb, fc.constantFrom(...strings), fc.constantFrom('\\u0000', '\\ud800', '\\udc00\\ud800')).map(([o, [k], esc]) => ({ payload: JSON.stringify({ ...o, [k]: '@@' }).replace('"@@"', `"x${esc}y"`), type: 'application/json', kind: `escape ${k}` })));
  }
  return fc.oneof(...mutations);
}

const XLSX: { current?: Buffer } = {};

/** Whether two answers say the same: JSON equal, workbooks with equal cells, else equal bytes. */
async function sameAnswer(a: LightMyRequestResponse, b: LightMyRequestResponse): Promise<boolean> {
  if (a.statusCode !== b.statusCode) return false;
  const type = String(a.headers['content-type'] ?? '');
  if (type.includes('json')) return a.body === b.body;
  if (type.includes('spreadsheetml')) {
    const cells = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      return JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
    };
    return (await cells(a.rawPayload)) === (await cells(b.rawPayload));
  }
  return a.rawPayload.equals(b.rawPayload);
}

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

const drill = new Drill('fuzz');
await runDrill(drill, async () => {
  drill.figure('seed (replay with --seed)', SEED);
  drill.figure('requests per route', RUNS);
  for (const kind of DBS as ('pglite' | 'postgres')[]) {
    if (kind === 'postgres' && !(await postgresReachable())) throw new Error('PostgreSQL does not answer');
    await fuzzDb(drill, kind);
  }
});
