/** The fuzzing drill's requests: routes read from the OpenAPI document, and fast-check arbitraries for their paths, queries and bodies, valid and not. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { EDGE_TEXT, type Hints, type Schema, arbitrary, breaking, wrongType } from './jsonschema.js';
import type { PoolTable, Pools } from './fuzz-world.js';

export type Op = { method: string; path: string; url: string; params: { name: string; in: string; required?: boolean; schema: Schema }[]; body?: Schema; multipart: boolean; responses: Record<string, Schema | null> };
export type Access = 'public' | 'session' | 'user' | readonly string[];
export interface Req {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  role: string | null;
}

export const SEGMENT_TABLE: Record<string, PoolTable> = {
  units: 'unit', users: 'app_user', plans: 'plan', items: 'plan_item', indicators: 'indicator', 'indicator-values': 'indicator_value', evidence: 'evidence_file',
  projects: 'project', 'project-progress': 'project_progress', 'project-photos': 'project_photo', 'project-problems': 'project_problem', 'report-cycles': 'report_cycle',
  reports: 'unit_report', 'report-files': 'report_line_file', notifications: 'notification', 'notification-channels': 'notification_channel', deliveries: 'delivery',
};
export const FIELD_TABLE: Record<string, PoolTable> = {
  unitId: 'unit', leadUnitId: 'unit', reportingUnitId: 'unit', ownerUnitId: 'unit', coUnitIds: 'unit', itemId: 'plan_item', alignedItemIds: 'plan_item', planId: 'plan',
  cycleId: 'report_cycle', indicatorId: 'indicator', projectId: 'project', leaderId: 'app_user', ownerId: 'app_user', userId: 'app_user', lineId: 'report_line',
  channelId: 'notification_channel', grantId: 'role_grant',
};
export const ROLES = ['leader', 'office', 'unit_head', 'reporter', 'investment', 'service_officer', 'enterprise', 'sysadmin', 'secadmin', 'auditor'];
/** Routes that end or change the caller's own session or account: each request gets a fresh session of a victim. */
export const SELF_ROUTES = /^\/api\/v1\/auth\/(logout|password|totp)/;
export const MULTIPART = /\/(evidence|photos|import)$/;
export const STACK = /(\bat [\w$.<>[\] ]+ \(.*:\d+:\d+\))|node:internal|(\.(ts|js|mjs):\d+:\d+)|\/work\/|[A-Za-z]+Error: .+\n\s+at /;

export const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
export const toRoute = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

export function operations(doc: { paths: Record<string, Record<string, { parameters?: Op['params']; requestBody?: { content: Record<string, { schema: Schema }> }; responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>> }): Op[] {
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
export function idArb(p: Pools, table: PoolTable | undefined): fc.Arbitrary<string> {
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
export const POOLED = (p: Pools) => Object.values(p).flatMap((v) => (v && typeof v === 'object' && 'a' in v ? (v as { a: string[] }).a.slice(0, 3) : []));

export function hintsFor(op: Op, p: Pools): Hints {
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

export const BAD_PARAMS = ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(300), '%E0%A4%A', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%F0%9F%98%80', 'ＡＢＣ', ''];
export const RAW_BODIES = ['{"a":', 'null', '[]', '12', '"text"', '{"version":1,"version":"x"}', '\ufeff{}', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', '['.repeat(200_000) + ']'.repeat(200_000), `{"a":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, '{"x":"' + 'x'.repeat(1_100_000) + '"}'];
export const NASTY = ['\u0000', 'a\u0000b', '\ud800', '\udfff\ud83d', '\u202e\u0000', 'x'.repeat(100_000), '蓝'.repeat(20_000), ...EDGE_TEXT.slice(0, 6)];

export const BOUNDARY = '----lantu-drill-fuzz';
export function multipartBody(parts: { name: string; filename?: string; type?: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a2fd9b7e0000000049454e44ae426082', 'hex');

export function fillPath(op: Op, p: Pools, valid: boolean): fc.Arbitrary<string> {
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

export function query(op: Op, p: Pools, valid: boolean): fc.Arbitrary<string> {
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

export function body(op: Op, p: Pools, valid: boolean): fc.Arbitrary<{ payload?: string | Buffer; type?: string; kind: string }> {
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

export const XLSX: { current?: Buffer } = {};

/** Whether two answers say the same: JSON equal, workbooks with equal cells, else equal bytes. */
export async function sameAnswer(a: LightMyRequestResponse, b: LightMyRequestResponse): Promise<boolean> {
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
