import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, login, post, testApp } from '../../../test/helpers.js';

let t: TestApp;
let sec: Session;
beforeAll(async () => {
  t = await testApp();
  sec = await login(t.app, 'secadmin');
});
afterAll(() => t.close());

describe('security policy', () => {
  it('starts at the MLPS level 3 defaults and refuses to go below them, naming the field', async () => {
    const p = (await sec.request('GET', '/api/v1/security/policy')).json();
    expect(p).toMatchObject({ minLength: 8, privilegedMinLength: 12, lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 });
    const weak = await sec.request('PUT', '/api/v1/security/policy', { ...p, updatedAt: undefined, minLength: 4 });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('minLength');
  });

  it('applies a stricter lockout at once', async () => {
    const p = (await sec.request('GET', '/api/v1/security/policy')).json();
    const { updatedAt: _u, ...body } = p;
    const saved = await sec.request('PUT', '/api/v1/security/policy', { ...body, lockoutThreshold: 3 });
    expect(saved.statusCode).toBe(200);
    expect((await sec.request('PUT', '/api/v1/security/policy', { ...body, lockoutThreshold: 4 })).json().error.code).toBe('version_conflict');
    for (let i = 0; i < 3; i++) await post(t.app, '/api/v1/auth/login', { username: 'reporter', password: `Bad-pass-${i}` });
    const locked = await post(t.app, '/api/v1/auth/login', { username: 'reporter', password: 'Demo@25311jz' });
    expect(locked.statusCode).toBe(401);
  });
});
