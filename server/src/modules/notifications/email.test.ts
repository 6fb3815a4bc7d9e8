import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, login, testApp } from '../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../config.js';
import { delivery } from './notifications.table.js';
import { notify } from './notify.service.js';
import { createDeliveryJob } from './outbox.js';
import { runJobsOnce } from './scheduler.js';
import { demoIds, readMail, startSmtp } from './notifications.test-helpers.js';

const PUBLIC_URL = 'https://lantu.example.gov.cn';

let t: TestApp;
let zoneId: string;
let officeId: string;
beforeAll(async () => {
  t = await testApp();
  ({ zoneId, userId: officeId } = await demoIds(t.database.db, 'office'));
});
afterAll(() => t.close());

const deliveryRows = () => t.database.db.select().from(delivery);
const params = { period: '2021-03', unitName: '经济发展局' };

async function remind(kind: 'overdue', dedupeKey: string, extra: Record<string, string | number> = {}): Promise<void> {
  await notify(t.database.db, { zoneId, userIds: [officeId], kind, params: { ...params, ...extra }, link: '/reports/abc', dedupeKey });
}

describe('e-mail', () => {
  it('sends one message per delivery to the channel’s recipients through SMTP', async () => {
    const smtp = await startSmtp();
    const config = testConfig({ smtpUrl: smtp.url, smtpFrom: '蓝图平台 <lantu@example.gov.cn>', publicUrl: PUBLIC_URL });
    const app = await buildApp({ database: t.database, config, clock: t.clock });
    try {
      const s = await login(app, 'office');
      const res = await s.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: ['mbb@example.gov.cn', 'jfj@example.gov.cn'], events: ['overdue'] });
      expect(res.statusCode, res.body).toBe(201);
      await remind('overdue', 'overdue:mail', { days: 4 });
      await runJobsOnce(t.database.db, t.clock, [createDeliveryJob(config)]);
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail!.from).toBe('lantu@example.gov.cn');
      expect(mail!.to).toEqual(['mbb@example.gov.cn', 'jfj@example.gov.cn']);
      const { subject, text } = readMail(mail!.raw);
      expect(subject).toBe('【蓝图】月度报送已逾期');
      expect(text).toContain('经济发展局2021年3月月度报送已逾期4天，请尽快提交。');
      expect(text).toContain(`${PUBLIC_URL}/reports/abc`);
      expect((await deliveryRows())[0]).toMatchObject({ state: 'sent' });
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it('records a refused connection as a failed attempt', async () => {
    const config = testConfig({ smtpUrl: 'smtp://user:pa55word@127.0.0.1:1', publicUrl: null });
    const app = await buildApp({ database: t.database, config, clock: t.clock });
    try {
      const s = await login(app, 'office');
      const c = (await s.request('POST', '/api/v1/notification-channels', { kind: 'email', name: '邮件', recipients: ['a@example.gov.cn'], events: ['overdue'] })).json();
      const res = await s.request('POST', `/api/v1/notification-channels/${c.id}/test`);
      expect(res.json()).toMatchObject({ state: 'failed' });
      expect(res.json().lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(res.json().lastError).not.toContain('pa55word');
    } finally {
      await app.close();
    }
  });
});
