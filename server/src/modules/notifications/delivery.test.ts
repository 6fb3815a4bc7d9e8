import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { delivery, notificationChannel } from './notifications.table.js';
import { notify } from './notify.service.js';
import { BACKOFF_MINUTES, MAX_ATTEMPTS, createDeliveryJob } from './outbox.js';
import { runJobsOnce } from './scheduler.js';
import { type Receiver, demoIds, startReceiver } from './notifications.test-helpers.js';

const PUBLIC_URL = 'https://lantu.example.gov.cn';
const outbound = { smtpUrl: null, smtpFrom: null, publicUrl: PUBLIC_URL };
const logs: string[] = [];
const job = createDeliveryJob(outbound, (m) => logs.push(m));

let t: TestApp;
let office: Session;
let rx: Receiver;
let zoneId: string;
let officeId: string;
beforeAll(async () => {
  t = await testApp();
  rx = await startReceiver();
  ({ zoneId, userId: officeId } = await demoIds(t.database.db, 'office'));
});
afterAll(async () => {
  await rx.close();
  await t.close();
});
beforeEach(async () => {
  // A fresh session: the tests move the clock by hours, past the idle timeout.
  office = await login(t.app, 'office');
});
afterEach(async () => {
  // Each test brings its own channels; deleting them drops their deliveries too.
  await t.database.db.delete(notificationChannel);
  rx.received.length = 0;
  rx.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok', code: 0, msg: 'success' } });
});

const tick = () => runJobsOnce(t.database.db, t.clock, [job]);
const hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');
const params = { period: '2021-03', unitName: '经济发展局', days: 3, dueDate: '2021-03-25' };

async function channel(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await office.request('POST', '/api/v1/notification-channels', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function remind(kind: 'due_soon' | 'returned' | 'overdue', dedupeKey: string, extra: Record<string, string | number> = {}): Promise<void> {
  await notify(t.database.db, { zoneId, userIds: [officeId], kind, params: { ...params, ...extra }, link: '/reports/abc', dedupeKey });
}

async function deliveryRows() {
  return t.database.db.select().from(delivery);
}

describe('robot payloads', () => {
  it('posts 企业微信 markdown to the robot URL, with a link into the web', async () => {
    await channel({ kind: 'wecom', name: '企业微信群', url: `${rx.base}/cgi-bin/webhook/send?key=wecom-key-123`, events: ['due_soon'] });
    await remind('due_soon', 'due_soon:3:r1');
    expect(await tick()).toBe(true);
    expect(rx.received).toHaveLength(1);
    const [got] = rx.received;
    expect(got!.path).toBe('/cgi-bin/webhook/send');
    expect(got!.query.get('key')).toBe('wecom-key-123');
    expect(got!.headers['content-type']).toMatch(/^application\/json/);
    expect(got!.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: `**【蓝图】月度报送即将截止**\n经济发展局2021年3月月度报送距截止还有3天（截止日期2021-03-25），请尽快填报并提交。\n[查看详情](${PUBLIC_URL}/reports/abc)` },
    });
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    await tick();
    expect(rx.received).toHaveLength(1);
  });

  it('signs 钉钉 markdown with 加签 in the query: HMAC-SHA256 keyed by the secret over "timestamp\\nsecret"', async () => {
    const secret = 'SEC0123456789abcdef';
    await channel({ kind: 'dingtalk', name: '钉钉群', url: `${rx.base}/robot/send?access_token=ding-token`, secret, events: ['overdue'] });
    await remind('overdue', 'overdue:r1', { days: 2 });
    await tick();
    const [got] = rx.received;
    expect(got!.query.get('access_token')).toBe('ding-token');
    const timestamp = got!.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - t.clock.now().getTime())).toBeLessThan(60_000);
    expect(got!.query.get('sign')).toBe(hmac(secret, `${timestamp}\n${secret}`));
    expect(got!.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '【蓝图】月度报送已逾期', text: `#### 【蓝图】月度报送已逾期\n\n经济发展局2021年3月月度报送已逾期2天，请尽快提交。\n\n[查看详情](${PUBLIC_URL}/reports/abc)` },
    });
  });

  it('signs 飞书 text with 签名校验 in the body: HMAC-SHA256 keyed by "timestamp\\nsecret" over nothing', async () => {
    const secret = 'feishu-secret-xyz';
    await channel({ kind: 'feishu', name: '飞书群', url: `${rx.base}/open-apis/bot/v2/hook/feishu-hook-id`, secret, events: ['returned'] });
    await remind('returned', 'returned:r1', { reason: '投资额与台账不符' });
    await tick();
    const [got] = rx.received;
    expect(got!.path).toBe('/open-apis/bot/v2/hook/feishu-hook-id');
    const timestamp = got!.body.timestamp as string;
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(timestamp) * 1000 - t.clock.now().getTime())).toBeLessThan(60_000);
    expect(got!.body.sign).toBe(hmac(`${timestamp}\n${secret}`, ''));
    expect(got!.body).toMatchObject({
      msg_type: 'text',
      content: { text: `【蓝图】月度报送被退回\n经济发展局2021年3月月度报送被退回，原因：投资额与台账不符，请修改后重新提交。\n${PUBLIC_URL}/reports/abc` },
    });
  });

  it('sends an unsigned 飞书 message without timestamp and sign, and only to channels subscribed to the kind', async () => {
    await channel({ kind: 'feishu', name: '飞书群', url: `${rx.base}/open-apis/bot/v2/hook/h2`, events: ['accepted'] });
    const disabled = await channel({ kind: 'wecom', name: '停用的群', url: `${rx.base}/off`, events: ['accepted'], enabled: false });
    await channel({ kind: 'wecom', name: '只收逾期', url: `${rx.base}/overdue-only`, events: ['overdue'] });
    await notify(t.database.db, { zoneId, userIds: [], kind: 'accepted', params, link: null, dedupeKey: 'accepted:r1' });
    await tick();
    expect(rx.received.map((r) => r.path)).toEqual(['/open-apis/bot/v2/hook/h2']);
    expect(rx.received[0]!.body).toEqual({ msg_type: 'text', content: { text: '【蓝图】月度报送已审核通过\n经济发展局2021年3月月度报送已由目标办审核通过。' } });
    expect((await deliveryRows()).map((d) => d.channelId)).not.toContain(disabled.id);
  });
});

describe('failures, retries and the office', () => {
  async function runToTheEnd(): Promise<number[]> {
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await tick();
      expect(rx.received).toHaveLength(attempt);
      const [row] = await deliveryRows();
      if (row!.state === 'pending') {
        const waitMs = row!.nextAttemptAt!.getTime() - t.clock.now().getTime();
        waits.push(Math.round(waitMs / 60_000));
        await tick(); // not due yet: nothing is sent
        expect(rx.received).toHaveLength(attempt);
        t.clock.advanceMinutes(waitMs / 60_000);
      }
    }
    office = await login(t.app, 'office');
    return waits;
  }

  it('retries a robot answering HTTP 500 with backoff, then fails it for good, visibly to the office', async () => {
    rx.respond = (req) => ({ status: 500, body: { error: `internal error for ${req.query.get('access_token')}` } });
    const c = await channel({ kind: 'dingtalk', name: '坏掉的钉钉群', url: `${rx.base}/robot/send?access_token=tok-SENSITIVE-1`, events: ['overdue'] });
    await remind('overdue', 'overdue:r2');
    expect(await runToTheEnd()).toEqual([...BACKOFF_MINUTES]);
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(row!.lastError).toMatch(/^HTTP 500/);
    expect(row!.lastError).not.toContain('tok-SENSITIVE-1');
    expect(logs.join('\n')).not.toContain('tok-SENSITIVE-1');
    await tick();
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);

    const listed = (await office.request('GET', '/api/v1/deliveries')).json();
    expect(listed.items[0]).toMatchObject({ id: row!.id, channelId: c.id, channelName: '坏掉的钉钉群', channelKind: 'dingtalk', kind: 'overdue', test: false, state: 'failed', attempts: MAX_ATTEMPTS });
    expect(listed.items[0]).not.toHaveProperty('params');
    const failedOnly = (await office.request('GET', '/api/v1/deliveries?state=failed')).json();
    expect(failedOnly.total).toBe(1);
    const bell = (await office.request('GET', '/api/v1/notifications?unread=true')).json();
    const alert = bell.items.find((n: { kind: string }) => n.kind === 'delivery_failed');
    expect(alert).toMatchObject({ link: '/deliveries', params: { channelName: '坏掉的钉钉群', kind: 'overdue', attempts: MAX_ATTEMPTS } });
  });

  it('reports a failure through the zone’s other channels subscribed to it, never back to the broken one', async () => {
    rx.respond = (req) => (req.path === '/broken' ? { status: 500, body: {} } : { status: 200, body: { errcode: 0, errmsg: 'ok' } });
    await channel({ kind: 'wecom', name: '坏掉的群', url: `${rx.base}/broken`, events: ['overdue', 'delivery_failed'] });
    await channel({ kind: 'wecom', name: '运维群', url: `${rx.base}/ops`, events: ['delivery_failed'] });
    await remind('overdue', 'overdue:r6');
    await runToTheEnd();
    await tick();
    expect(rx.received.filter((r) => r.path === '/broken')).toHaveLength(MAX_ATTEMPTS);
    const ops = rx.received.filter((r) => r.path === '/ops');
    expect(ops).toHaveLength(1);
    expect((ops[0]!.body.markdown as { content: string }).content).toContain(`通知渠道「坏掉的群」发送失败（已尝试${MAX_ATTEMPTS}次）：HTTP 500`);
  });

  it('drops what was queued for a channel switched off since, without alarming anyone', async () => {
    const c = await channel({ kind: 'wecom', name: '将停用的群', url: `${rx.base}/hook?key=k`, events: ['overdue'] });
    await remind('overdue', 'overdue:r7');
    const [before] = (await office.request('GET', '/api/v1/notification-channels')).json().items;
    await office.request('PATCH', `/api/v1/notification-channels/${c.id}`, { version: before.version, enabled: false });
    const alarms = (await office.request('GET', '/api/v1/notifications?pageSize=200')).json().total;
    await tick();
    expect(rx.received).toHaveLength(0);
    expect((await deliveryRows())[0]).toMatchObject({ state: 'failed', lastError: 'channel disabled' });
    expect((await office.request('GET', '/api/v1/notifications?pageSize=200')).json().total).toBe(alarms);
  });

  it('treats HTTP 200 with errcode 310000 as a failure and records the robot’s message', async () => {
    rx.respond = () => ({ status: 200, body: { errcode: 310000, errmsg: 'keywords not in content' } });
    await channel({ kind: 'dingtalk', name: '关键词钉钉群', url: `${rx.base}/robot/send?access_token=t2`, events: ['overdue'] });
    await remind('overdue', 'overdue:r3');
    await runToTheEnd();
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ state: 'failed', lastError: 'errcode 310000: keywords not in content' });
  });

  it('treats 飞书 code 19021 as a failure', async () => {
    rx.respond = () => ({ status: 200, body: { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' } });
    await channel({ kind: 'feishu', name: '飞书群', url: `${rx.base}/open-apis/bot/v2/hook/x`, secret: 'wrong', events: ['overdue'] });
    await remind('overdue', 'overdue:r4');
    await tick();
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/^errcode 19021: sign match fail/);
  });

  it('retries a failed delivery on request, once, keeping its attempts; only a failed one', async () => {
    rx.respond = () => ({ status: 502, body: {} });
    await channel({ kind: 'wecom', name: '企业微信群', url: `${rx.base}/hook?key=k`, events: ['overdue'] });
    await remind('overdue', 'overdue:r5');
    await runToTheEnd();
    const [failed] = await deliveryRows();
    rx.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    const res = await office.request('POST', `/api/v1/deliveries/${failed!.id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'pending', attempts: MAX_ATTEMPTS });
    const again = await office.request('POST', `/api/v1/deliveries/${failed!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'state', state: 'pending', action: 'retry' });
    await tick();
    const [sent] = await deliveryRows();
    expect(sent).toMatchObject({ state: 'sent', attempts: MAX_ATTEMPTS + 1, lastError: null });
    expect((await office.request('POST', `/api/v1/deliveries/${failed!.id}/retry`)).statusCode).toBe(409);
    expect((await office.request('POST', '/api/v1/deliveries/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
  });
});

describe('test messages', () => {
  it('sends a test through the outbox at once and answers the delivery', async () => {
    const c = await channel({ kind: 'wecom', name: '企业微信群', url: `${rx.base}/hook?key=k`, events: ['overdue'], enabled: false });
    const res = await office.request('POST', `/api/v1/notification-channels/${c.id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ channelId: c.id, kind: 'remind', test: true, state: 'sent', attempts: 1 });
    const listed = (await office.request('GET', '/api/v1/deliveries')).json();
    expect(listed.items.find((d: { id: string }) => d.id === res.json().id)).toMatchObject({ test: true });
    expect((rx.received[0]!.body.markdown as { content: string }).content).toContain('测试消息');
    await tick();
    expect(rx.received).toHaveLength(1);
  });

  it('shows a failing test at once, without retries, and can be retried by hand', async () => {
    rx.respond = () => ({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
    const c = await channel({ kind: 'wecom', name: '企业微信群', url: `${rx.base}/hook?key=k`, events: ['overdue'] });
    const res = await office.request('POST', `/api/v1/notification-channels/${c.id}/test`);
    expect(res.json()).toMatchObject({ state: 'failed', attempts: 1, lastError: 'errcode 93000: invalid webhook url' });
    rx.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    await office.request('POST', `/api/v1/deliveries/${res.json().id}/retry`);
    await tick();
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('fails a robot that does not answer within the timeout', async () => {
    rx.delayMs = 6000;
    try {
      const c = await channel({ kind: 'wecom', name: '慢的群', url: `${rx.base}/slow`, events: ['overdue'] });
      const res = await office.request('POST', `/api/v1/notification-channels/${c.id}/test`);
      expect(res.json()).toMatchObject({ state: 'failed', lastError: 'timed out after 5 s' });
    } finally {
      rx.delayMs = 0;
    }
  });
});
