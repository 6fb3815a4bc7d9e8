import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { type Session, type TestApp, login, post, testApp } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { unit } from '../units/units.table.js';
import { zone } from '../zones/zones.table.js';
import { appUser, roleGrant } from './users.table.js';

let t: TestApp;
let sys: Session;
let sec: Session;
beforeAll(async () => {
  t = await testApp();
  sys = await login(t.app, 'sysadmin');
  sec = await login(t.app, 'secadmin');
});
afterAll(() => t.close());

const unitId = async (code: string) => (await t.database.db.select().from(unit).where(eq(unit.code, code)))[0]!.id;
const lastAudit = async () => (await t.database.db.select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1))[0]!;

describe('users', () => {
  it('creates a user who must change the password at first login, audited without secrets', async () => {
    const res = await sys.request('POST', '/api/v1/users', { username: 'wang.fang', displayName: '王芳', password: 'Jiaozuo#2021ok' });
    expect(res.statusCode).toBe(201);
    const ev = await lastAudit();
    expect(ev.action).toBe('user.create');
    expect(JSON.stringify(ev.summary)).not.toMatch(/Jiaozuo#2021ok|argon2/);
    await sec.request('POST', `/api/v1/users/${res.json().id}/grants`, { unitId: await unitId('SYJ'), role: 'reporter' });
    const s = await login(t.app, 'wang.fang', 'Jiaozuo#2021ok');
    expect((await s.request('GET', '/api/v1/units')).json().error.code).toBe('password_change_required');
    await s.request('POST', '/api/v1/auth/password', { currentPassword: 'Jiaozuo#2021ok', newPassword: 'Dashahe~River88' });
    const again = await login(t.app, 'wang.fang', 'Dashahe~River88');
    expect((await again.request('GET', '/api/v1/units')).statusCode).toBe(200);
  });

  it('names the field when the username is taken or the body is wrong, and saves nothing', async () => {
    const before = (await sys.request('GET', '/api/v1/users')).json().total;
    const taken = await sys.request('POST', '/api/v1/users', { username: 'leader', displayName: 'x', password: 'Jiaozuo#2021ok' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details.fields[0].field).toBe('username');
    const extra = await sys.request('POST', '/api/v1/users', { username: 'zhao.yi', displayName: 'x', password: 'Jiaozuo#2021ok', isAdmin: true });
    expect(extra.json().error.details.fields).toEqual([{ field: 'isAdmin', issue: 'unknown_field' }]);
    const long = await sys.request('POST', '/api/v1/users', { username: 'zhao.yi', displayName: '名'.repeat(5000), password: 'Jiaozuo#2021ok' });
    expect(long.json().error.details.fields[0].field).toBe('displayName');
    expect((await sys.request('GET', '/api/v1/users')).json().total).toBe(before);
  });

  it('refuses an edit made on a stale version', async () => {
    const [u] = await t.database.db.select().from(appUser).where(eq(appUser.username, 'leader'));
    const ok = await sys.request('PATCH', `/api/v1/users/${u!.id}`, { version: u!.version, phone: '0391-3561234' });
    expect(ok.statusCode).toBe(200);
    const stale = await sys.request('PATCH', `/api/v1/users/${u!.id}`, { version: u!.version, phone: '0391-0000000' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('filters by role and exports the list as a workbook', async () => {
    const list = (await sys.request('GET', '/api/v1/users?role=auditor')).json();
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(['auditor']);
    const res = await sys.request('GET', '/api/v1/users/export?role=reporter');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const names = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).toContain('reporter');
    expect((await lastAudit()).action).toBe('users.export');
  });
});

describe('三权分立', () => {
  it('refuses a second role for a privileged account, in the service and in the database', async () => {
    const [u] = await t.database.db.select().from(appUser).where(eq(appUser.username, 'auditor'));
    const res = await sec.request('POST', `/api/v1/users/${u!.id}/grants`, { unitId: await unitId('MBB'), role: 'office' });
    expect(res.statusCode).toBe(409);
    await expect(
      t.database.db.insert(roleGrant).values({ zoneId: u!.zoneId, userId: u!.id, unitId: await unitId('DZB'), role: 'sysadmin' }),
    ).rejects.toThrow();
    await expect(
      t.database.db.insert(roleGrant).values({ zoneId: u!.zoneId, userId: u!.id, unitId: await unitId('MBB'), role: 'leader' }),
    ).rejects.toThrow();
  });

  it('keeps the system admin out of the audit trail and the auditor out of user management', async () => {
    expect((await sys.request('GET', '/api/v1/audit-events')).statusCode).toBe(403);
    expect((await sys.request('GET', '/api/v1/audit-events/export')).statusCode).toBe(403);
    const auditor = await login(t.app, 'auditor');
    expect((await auditor.request('GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await auditor.request('POST', '/api/v1/units', { parentId: null, code: 'Z', name: 'z', kind: 'office' })).statusCode).toBe(403);
  });
});

describe('zones are walled off', () => {
  it('answers 404 for another zone’s users and units', async () => {
    const [other] = await t.database.db.insert(zone).values({ code: 'other-zone', name: '另一开发区', asOfDate: '2021-03-15' }).returning();
    const [ou] = await t.database.db.insert(unit).values({ zoneId: other!.id, code: 'ROOT', name: '管委会', kind: 'committee' }).returning();
    const [ouser] = await t.database.db.insert(appUser).values({ zoneId: other!.id, username: 'other.admin', displayName: 'x', passwordHash: 'x' }).returning();
    expect((await sys.request('GET', `/api/v1/users/${ouser!.id}`)).statusCode).toBe(404);
    expect((await sys.request('POST', `/api/v1/users/${ouser!.id}/disable`, { version: 0 })).statusCode).toBe(404);
    expect((await sys.request('PATCH', `/api/v1/units/${ou!.id}`, { version: 0, name: '改名' })).statusCode).toBe(404);
    expect((await sec.request('POST', `/api/v1/users/${ouser!.id}/grants`, { unitId: ou!.id, role: 'leader' })).statusCode).toBe(404);
    const list = (await sys.request('GET', '/api/v1/units')).json();
    expect(list.items.some((x: { id: string }) => x.id === ou!.id)).toBe(false);
  });
});

describe('login page basics', () => {
  it('refuses broken JSON with a 400, never a 500', async () => {
    const res = await post(t.app, '/api/v1/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });
});
