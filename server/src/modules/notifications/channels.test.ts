import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { buildApp, type BuiltApp } from '../../app.js';
import { testConfig } from '../../config.js';
import { auditEvent } from '../audit/audit.table.js';
import { notificationChannel } from './notifications.table.js';

let t: TestApp;
let office: Session;
let sysadmin: Session;
beforeAll(async () => {
  t = await testApp();
  // Start without the demo zone's example robot.
  await t.database.db.delete(notificationChannel);
  [office, sysadmin] = await Promise.all([login(t.app, 'office'), login(t.app, 'sysadmin')]);
});
afterAll(() => t.close());

const ROBOT = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';
const fields = (res: { json(): { error: { details: { fields: { field: string; issue: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => `${f.field}:${f.issue}`).sort();

describe('notification channels', () => {
  it('creates a signed 钉钉 robot and never answers its secret', async () => {
    const res = await office.request('POST', '/api/v1/notification-channels', {
      kind: 'dingtalk', name: '目标办工作群', url: ROBOT, secret: 'SECabcdef0123456789', events: ['due_soon', 'overdue', 'due_soon'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'dingtalk', hasSecret: true, enabled: true, version: 0, events: ['due_soon', 'overdue'], recipients: [] });
    expect(res.body).not.toContain('SECabcdef');
    const listed = await sysadmin.request('GET', '/api/v1/notification-channels');
    expect(listed.json().items.map((c: { name: string }) => c.name)).toContain('目标办工作群');
    expect(listed.body).not.toContain('SECabcdef');
  });

  it('audits the change without the secret and with the robot token masked', async () => {
    const [ev] = await t.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'channel.create')).orderBy(desc(auditEvent.id)).limit(1);
    const text = JSON.stringify(ev!.summary);
    expect(text).not.toContain('SECabcdef');
    expect(text).not.toContain('0123456789abcdef');
    expect(text).toContain('access_token=***');
  });

  it('refuses a robot without a URL, a 企业微信 secret, recipients on a robot, naming each field', async () => {
    const noUrl = await office.request('POST', '/api/v1/notification-channels', { kind: 'feishu', name: '飞书群', events: ['returned'] });
    expect(noUrl.statusCode).toBe(400);
    expect(fields(noUrl)).toEqual(['url:required']);
    const wecom = await office.request('POST', '/api/v1/notification-channels', {
      kind: 'wecom', name: '企业微信群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: 's3cr3t', recipients: ['a@example.cn'], events: ['returned'],
    });
    expect(fields(wecom)).toEqual(['recipients:not_applicable', 'secret:not_applicable']);
    const badUrl = await office.request('POST', '/api/v1/notification-channels', { kind: 'wecom', name: 'x', url: 'ftp://example.cn/hook', events: ['returned'] });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.details.fields[0].field).toBe('url');
    const noEvents = await office.request('POST', '/api/v1/notification-channels', { kind: 'wecom', name: 'x', url: ROBOT, events: [] });
    expect(fields(noEvents)[0]).toMatch(/^events:/);
    const unknownKind = await office.request('POST', '/api/v1/notification-channels', { kind: 'sms', name: 'x', url: ROBOT, events: ['returned'] });
    expect(unknownKind.statusCode).toBe(400);
    const rows = await t.database.db.select().from(notificationChannel);
    expect(rows).toHaveLength(1);
  });

  it('refuses an e-mail channel while no SMTP server is configured', async () => {
    const res = await office.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: ['mbb@example.gov.cn'], events: ['overdue'] });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['kind:smtp_not_configured']);
  });

  it('checks e-mail recipients when SMTP is configured', async () => {
    const app: BuiltApp = await buildApp({ database: t.database, config: testConfig({ smtpUrl: 'smtp://127.0.0.1:2525' }), clock: t.clock });
    try {
      const s = await login(app, 'office');
      const none = await s.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: [], events: ['overdue'] });
      expect(fields(none)).toEqual(['recipients:required']);
      const bad = await s.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: ['not-an-address'], events: ['overdue'] });
      expect(bad.json().error.details.fields[0].field).toBe('recipients.0');
      const ok = await s.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: ['mbb@example.gov.cn'], events: ['overdue'] });
      expect(ok.statusCode).toBe(201);
      expect((await s.request('DELETE', `/api/v1/notification-channels/${ok.json().id}`)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('updates with the version read: omitted secret kept, null clears it; a stale version is refused', async () => {
    const [c] = (await office.request('GET', '/api/v1/notification-channels')).json().items;
    const renamed = await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: c.version, name: '目标办工作群（新）', enabled: false });
    expect(renamed.json()).toMatchObject({ name: '目标办工作群（新）', hasSecret: true, enabled: false, version: 1 });
    const stale = await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: c.version, name: '过时的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const cleared = await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: 1, secret: null });
    expect(cleared.json()).toMatchObject({ name: '目标办工作群（新）', hasSecret: false, version: 2 });
    const [row] = await t.database.db.select().from(notificationChannel).where(eq(notificationChannel.id, c.id));
    expect(row!.secret).toBeNull();
  });

  it('refuses an update that leaves the channel inconsistent, and changes nothing', async () => {
    const [c] = (await office.request('GET', '/api/v1/notification-channels')).json().items;
    const res = await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: c.version, url: null });
    expect(fields(res)).toEqual(['url:required']);
    const unknown = await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: c.version, colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const [after] = (await office.request('GET', '/api/v1/notification-channels')).json().items;
    expect(after).toEqual(c);
  });

  it('is for the office and the system administrator only', async () => {
    const reporter = await login(t.app, 'reporter');
    expect((await reporter.request('GET', '/api/v1/notification-channels')).statusCode).toBe(403);
    expect((await reporter.request('GET', '/api/v1/deliveries')).statusCode).toBe(403);
  });

  it('deletes a channel; an unknown one is 404', async () => {
    const [c] = (await office.request('GET', '/api/v1/notification-channels')).json().items;
    expect((await sysadmin.request('DELETE', `/api/v1/notification-channels/${c.id}`)).statusCode).toBe(200);
    expect((await sysadmin.request('DELETE', `/api/v1/notification-channels/${c.id}`)).statusCode).toBe(404);
    expect((await office.request('POST', `/api/v1/notification-channels/${c.id}/test`)).statusCode).toBe(404);
    const events = await t.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'channel.delete'), eq(auditEvent.objectId, c.id)));
    expect(events).toHaveLength(1);
  });
});
