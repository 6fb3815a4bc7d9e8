import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, ORIGIN, type TestApp, login, post, sessionFrom, testApp } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { DEFAULT_POLICY } from '@lantu/core';
import { securityPolicy } from '../security/security.table.js';
import { appUser } from '../users/users.table.js';
import { currentTotp } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const actions = async (username: string) =>
  (await t.database.db.select().from(auditEvent).where(eq(auditEvent.username, username))).map((e) => e.action);

describe('login', () => {
  it('signs in a business user with an HttpOnly, SameSite=Lax session cookie and a fresh id each time', async () => {
    const a = await post(t.app, '/api/v1/auth/login', { username: 'reporter', password: DEMO_PASSWORD });
    expect(a.statusCode).toBe(200);
    expect(a.json().stage).toBe('ok');
    const sid = a.cookies.find((c) => c.name === 'lantu_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(Buffer.from(sid.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    const b = await post(t.app, '/api/v1/auth/login', { username: 'reporter', password: DEMO_PASSWORD });
    expect(b.cookies.find((c) => c.name === 'lantu_sid')!.value).not.toBe(sid.value);
  });

  it('answers a wrong password and an unknown account with the same generic message', async () => {
    const wrong = await post(t.app, '/api/v1/auth/login', { username: 'leader', password: 'Wrong-pass-1' });
    const unknown = await post(t.app, '/api/v1/auth/login', { username: 'nobody-here', password: 'Wrong-pass-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('login_failed');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, and audits the lockout', async () => {
    for (let i = 0; i < 5; i++) await post(t.app, '/api/v1/auth/login', { username: 'investment', password: `Bad-pass-${i}` });
    const locked = await post(t.app, '/api/v1/auth/login', { username: 'investment', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(await actions('investment')).toContain('auth.lockout');
    t.clock.advanceMinutes(16);
    const again = await post(t.app, '/api/v1/auth/login', { username: 'investment', password: DEMO_PASSWORD });
    expect(again.statusCode).toBe(200);
  });

  it('rate-limits attempts per account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await post(t.app, '/api/v1/auth/login', { username: 'ghost-account', password: 'x' })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('rate-limits failed attempts per IP', async () => {
    let last = 0;
    for (let i = 0; i < 51; i++) {
      last = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { username: `ip-user-${i}`, password: 'x' }, headers: { origin: ORIGIN, host: 'localhost' } })).statusCode;
    }
    expect(last).toBe(429);
  });
});

describe('second factor', () => {
  it('keeps an office user out of business routes until the TOTP code is right', async () => {
    const res = await post(t.app, '/api/v1/auth/login', { username: 'office', password: DEMO_PASSWORD });
    expect(res.json().stage).toBe('totp');
    const s = sessionFrom(t.app, res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), res.json().csrfToken);
    expect((await s.request('GET', '/api/v1/units')).json().error.code).toBe('totp_required');
    const bad = await s.request('POST', '/api/v1/auth/totp', { code: '000000' === res.json().demoTotpCode ? '111111' : '000000' });
    expect(bad.json().error.code).toBe('totp_invalid');
    expect((await s.request('POST', '/api/v1/auth/totp', { code: res.json().demoTotpCode })).statusCode).toBe(200);
    expect((await s.request('GET', '/api/v1/units')).statusCode).toBe(200);
  });

  it('makes a privileged account without TOTP enrol before anything else', async () => {
    const secadmin = await login(t.app, 'secadmin');
    const [auditor] = await t.database.db.select().from(appUser).where(eq(appUser.username, 'auditor'));
    expect((await secadmin.request('POST', `/api/v1/users/${auditor!.id}/reset-totp`, { version: auditor!.version })).statusCode).toBe(200);
    const res = await post(t.app, '/api/v1/auth/login', { username: 'auditor', password: DEMO_PASSWORD });
    expect(res.json().stage).toBe('totp_enrol');
    const s = sessionFrom(t.app, res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), res.json().csrfToken);
    expect((await s.request('GET', '/api/v1/audit-events')).statusCode).toBe(401);
    const { secret, uri } = (await s.request('POST', '/api/v1/auth/totp/enrol')).json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const ok = await s.request('POST', '/api/v1/auth/totp/enrol/confirm', { code: currentTotp(secret, t.clock.now()) });
    expect(ok.json().stage).toBe('ok');
    expect((await s.request('GET', '/api/v1/audit-events')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('expires after 30 idle minutes', async () => {
    const s = await login(t.app, 'leader');
    t.clock.advanceMinutes(29);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await s.request('GET', '/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('expires 12 hours after login however active the user is', async () => {
    const s = await login(t.app, 'leader');
    for (let h = 0; h < 11 * 3; h++) {
      t.clock.advanceMinutes(20);
      expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(61);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('is dead after logout', async () => {
    const s = await login(t.app, 'unit_head');
    expect((await s.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(await actions('unit_head')).toContain('auth.logout');
  });

  it('ends every session of a user who is disabled, before their next request', async () => {
    const victim = await login(t.app, 'service_officer');
    const admin = await login(t.app, 'sysadmin');
    const [u] = await t.database.db.select().from(appUser).where(eq(appUser.username, 'service_officer'));
    expect((await admin.request('POST', `/api/v1/users/${u!.id}/disable`, { version: u!.version })).statusCode).toBe(200);
    expect((await victim.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await post(t.app, '/api/v1/auth/login', { username: 'service_officer', password: DEMO_PASSWORD })).statusCode).toBe(401);
  });

  it('cuts off a user whose account is no longer active, whatever the session says', async () => {
    const s = await login(t.app, 'investment');
    await t.database.db.update(appUser).set({ status: 'disabled' }).where(eq(appUser.username, 'investment'));
    try {
      const res = await s.request('GET', '/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('session_expired');
    } finally {
      await t.database.db.update(appUser).set({ status: 'active' }).where(eq(appUser.username, 'investment'));
    }
  });

  it('takes the idle timeout from the zone’s policy', async () => {
    const s = await login(t.app, 'leader');
    const [u] = await t.database.db.select().from(appUser).where(eq(appUser.username, 'leader'));
    await t.database.db.insert(securityPolicy).values({ zoneId: u!.zoneId, ...DEFAULT_POLICY, idleTimeoutMinutes: 10 });
    try {
      t.clock.advanceMinutes(9);
      expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
      t.clock.advanceMinutes(11);
      expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await t.database.db.delete(securityPolicy).where(eq(securityPolicy.zoneId, u!.zoneId));
    }
  });
});

describe('CSRF and headers', () => {
  it('refuses a state change without the token or from another origin, and changes nothing', async () => {
    const s = await login(t.app, 'sysadmin');
    const before = (await s.request('GET', '/api/v1/units')).json().total;
    const body = { parentId: null, code: 'X1', name: '测试单位', kind: 'office' };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/units', payload: body, headers: { cookie: s.cookie, origin: ORIGIN, host: 'localhost' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const foreign = await s.request('POST', '/api/v1/units', body, { origin: 'https://evil.example' });
    expect(foreign.json().error.code).toBe('csrf_failed');
    expect((await s.request('GET', '/api/v1/units')).json().total).toBe(before);
  });

  it('sends the security headers on every response and no-store on API data', async () => {
    for (const url of ['/api/health', '/api/v1/auth/me', '/api/nothing-here', '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeTruthy();
      if (url.startsWith('/api')) expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('passwords', () => {
  it('refuses a weak new password with the reasons, and accepts a strong one', async () => {
    const s = await login(t.app, 'enterprise');
    const weak = await s.request('POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.problems).toEqual(expect.arrayContaining(['too_few_classes', 'too_common']));
    const ok = await s.request('POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Mengniu#Cluster2021' });
    expect(ok.statusCode).toBe(200);
    expect((await post(t.app, '/api/v1/auth/login', { username: 'enterprise', password: 'Mengniu#Cluster2021' })).statusCode).toBe(200);
  });
});
