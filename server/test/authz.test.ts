import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@lantu/core';
import { ORIGIN, type Session, type TestApp, login, testApp } from './helpers.js';
import { MATRIX } from './authz-matrix.js';

let t: TestApp;
const sessions = new Map<Role, Session>();
beforeAll(async () => {
  t = await testApp();
  await t.app.ready();
  for (const role of ROLES) sessions.set(role, await login(t.app, role));
});
afterAll(() => t.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const fill = (url: string) => url.replace(/:[a-zA-Z]+/g, () => randomUUID());
const allowed = (rule: (typeof MATRIX)[string], role: Role | null) =>
  rule === 'public' || (role !== null && (rule === 'session' || rule === 'user' || rule.includes(role)));

describe('authorisation matrix', () => {
  it('declares every registered route, and nothing that is not registered', () => {
    const registered = t.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs')).map(key).sort();
    expect(registered.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('walks every cell: no role outside a route’s list gets a 2xx, and listed roles are not refused', async () => {
    const unexpected: string[] = [];
    // Logging out ends the session, so it is walked last.
    const routes = Object.entries(MATRIX).sort(([a], [b]) => Number(a.endsWith('logout')) - Number(b.endsWith('logout')));
    for (const [route, rule] of routes) {
      const [method, url] = route.split(' ') as [string, string];
      for (const role of [null, ...ROLES] as (Role | null)[]) {
        const s = role ? sessions.get(role)! : null;
        const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
        const res = s
          ? await s.request(method, fill(url), payload)
          : await t.app.inject({ method: method as never, url: fill(url), payload, headers: { origin: ORIGIN, host: 'localhost' } });
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (!allowed(rule, role) && ok) unexpected.push(`${route} as ${role ?? 'anonymous'}: ${res.statusCode}`);
        if (allowed(rule, role) && [401, 403].includes(res.statusCode) && res.json().error.code !== 'password_change_required') {
          unexpected.push(`${route} refused ${role ?? 'anonymous'}: ${res.statusCode} ${res.json().error.code}`);
        }
        if (res.statusCode >= 500) unexpected.push(`${route} as ${role}: ${res.statusCode}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
