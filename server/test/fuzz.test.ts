import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, count, notLike } from 'drizzle-orm';
import { type Role } from '@lantu/core';
import { auditEvent } from '../src/modules/audit/audit.table.js';
import { type Session, type TestApp, login, testApp } from './helpers.js';
import { MATRIX } from './authz-matrix.js';

let t: TestApp;
const sessions = new Map<string, Session>();
beforeAll(async () => {
  t = await testApp();
  for (const role of ['leader', 'sysadmin', 'secadmin', 'auditor'] as Role[]) sessions.set(role, await login(t.app, role));
});
afterAll(() => t.close());

/** A session allowed through the route's access rule, so the fuzzing reaches validation and services. */
function sessionFor(rule: (typeof MATRIX)[string]): Session {
  if (typeof rule === 'string') return sessions.get('leader')!;
  return sessions.get(rule.find((r) => sessions.has(r)) ?? 'leader')!;
}

const FIELDS = ['username', 'password', 'displayName', 'name', 'code', 'kind', 'role', 'unitId', 'parentId', 'version', 'phone', 'email', 'sort', 'active', 'minLength', 'lockoutThreshold', 'currentPassword', 'newPassword', 'shortName'];
const junk = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant('\u0000\ud800'),
  fc.constant("'; drop table app_user; --"),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
  fc.uuid(),
);
const badBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'extra'), junk, { maxKeys: 6 }),
  fc.constantFrom('{"a":', '[]', 'null', '"text"', '12', '{"a":1}'.repeat(3), '['.repeat(5000) + ']'.repeat(5000)),
);
const badParam = fc.constantFrom('not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', '1', "1' or '1'='1");
const badQuery = fc.constantFrom('?page=-1', '?pageSize=100000', '?page=abc&pageSize=', '?from=2021-13-45', '?role=god', `?q=${'x'.repeat(5000)}`, '?status[]=a', '?result=maybe&to=yesterday');
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded');

/** Changes of business data (logins and exports are audited too, but change nothing). */
const businessEvents = async () =>
  (await t.database.db.select({ n: count() }).from(auditEvent).where(and(notLike(auditEvent.action, 'auth.%'), notLike(auditEvent.action, '%.export'))))[0]!.n;

describe('every route under generated bad input', () => {
  it('answers 4xx with an error code, never 5xx, and changes nothing', async () => {
    const before = await businessEvents();
    const failures: string[] = [];
    for (const [route, rule] of Object.entries(MATRIX)) {
      const [method, url] = route.split(' ') as [string, string];
      if (route.endsWith('/logout')) continue;
      const session = sessionFor(rule);
      await fc.assert(
        fc.asyncProperty(badBody, badParam, badQuery, contentType, async (body, param, query, type) => {
          const payload = method === 'GET' || method === 'DELETE' ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
          const res = await session.request(method, url.replace(/:[a-zA-Z]+/g, param) + query, payload, payload ? { 'content-type': type } : {});
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.code)) {
            failures.push(`${route} ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }),
        { numRuns: 25, seed: 25311 },
      );
    }
    expect(failures).toEqual([]);
    expect(await businessEvents()).toBe(before);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const s = sessions.get('sysadmin')!;
    const res = await s.request('POST', '/api/v1/units', JSON.stringify({ name: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
