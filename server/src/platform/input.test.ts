import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { count, sql } from 'drizzle-orm';
import { auditEvent } from '../modules/audit/audit.table.js';
import { type Session, type TestApp, login, post, testApp } from '../../test/helpers.js';
import { installErrorHandler } from './errors.js';
import { nulField } from './input.js';

/** Regression (fuzz drill): a NUL character in any input reached PostgreSQL, which cannot store it, and answered 500. */

let t: TestApp;
let sysadmin: Session;
let auditor: Session;
let leader: Session;
beforeAll(async () => {
  t = await testApp();
  [sysadmin, auditor, leader] = [await login(t.app, 'sysadmin'), await login(t.app, 'auditor'), await login(t.app, 'leader')];
});
afterAll(() => t.close());

const events = async () => (await t.database.db.select({ n: count() }).from(auditEvent))[0]!.n;

describe('NUL characters in requests', () => {
  it('finds the first field holding one, at any depth, without recursion', () => {
    expect(nulField({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toBe('b.0.c');
    expect(nulField({ 'k\u0000': 1 }, 'querystring')).toBe('querystring.k\u0000');
    expect(nulField('\u0000')).toBe('(body)');
    expect(nulField({ a: ['fine', 1, null, true] })).toBeNull();
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulField(deep)).toBe(`${'0.'.repeat(199_999)}0`);
  });

  it('is refused as a validation error naming the field, in bodies, queries and logins, and nothing is written', async () => {
    const before = await events();
    const unit = await sysadmin.request('POST', '/api/v1/units', { parentId: null, code: 'NUL1', name: '测试', shortName: 'nul\u0000inside', kind: 'bureau' });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'shortName', issue: 'invalid_format' }] } });
    const audit = await auditor.request('GET', '/api/v1/audit-events?objectType=nul%00inside');
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error.details.fields).toEqual([{ field: 'querystring.objectType', issue: 'invalid_format' }]);
    expect((await leader.request('GET', '/api/v1/projects?q=a%00b')).statusCode).toBe(400);
    const signIn = await post(t.app, '/api/v1/auth/login', { username: 'a\u0000b', password: 'x' });
    expect(signIn.statusCode).toBe(400);
    expect(await events()).toBe(before);
  });

  it('reaching the database anyway (an upload name, a workbook cell) it is a 400, not a 500', async () => {
    const app = Fastify();
    installErrorHandler(app);
    app.get('/text', async () => t.database.db.execute(sql`select ${'a\u0000b'}::text`));
    app.get('/json', async () => t.database.db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb->>'a'`));
    for (const url of ['/text', '/json']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, code: res.json().error.code }).toEqual({ url, status: 400, code: 'bad_request' });
    }
    await app.close();
  });
});
