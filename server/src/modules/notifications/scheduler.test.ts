import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inArray, like, sql } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { withDatabase } from '../../../test/global-setup.js';
import { buildApp, type BuiltApp } from '../../app.js';
import { testConfig } from '../../config.js';
import { type Database, openPostgres, queryRows } from '../../db/client.js';
import { FakeClock } from '../../platform/clock.js';
import { delivery, notification } from './notifications.table.js';
import { notify, usersWithRole } from './notify.service.js';
import { createDeliveryJob } from './outbox.js';
import { type Job, runJobsOnce, startScheduler } from './scheduler.js';
import { type Receiver, demoIds, startReceiver } from './notifications.test-helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('runs every job even when one throws, and reports it', async () => {
    const ran: string[] = [];
    const logs: string[] = [];
    const jobs: Job[] = [
      { name: 'broken', run: async () => { throw new Error('boom'); } },
      { name: 'fine', run: async (_db, now) => { ran.push(now.toISOString()); } },
    ];
    expect(await runJobsOnce(t.database.db, t.clock, jobs, (m) => logs.push(m))).toBe(true);
    expect(ran).toEqual([t.clock.now().toISOString()]);
    expect(logs).toEqual(['scheduler job "broken" failed: boom']);
  });

  it('ticks until stopped; stop waits for the running tick and no tick starts after it', async () => {
    let ticks = 0;
    let inTick = false;
    const slow: Job = {
      name: 'slow',
      run: async () => {
        inTick = true;
        await sleep(50);
        ticks++;
        inTick = false;
      },
    };
    const scheduler = startScheduler({ database: t.database, clock: t.clock, intervalMs: 5, jobs: [slow] });
    while (ticks < 2) await sleep(5);
    while (!inTick) await sleep(1);
    await scheduler.stop();
    expect(inTick).toBe(false);
    const after = ticks;
    await sleep(60);
    expect(ticks).toBe(after);
  });

  it('does nothing when the interval is 0', async () => {
    let ticks = 0;
    const scheduler = startScheduler({ database: t.database, clock: t.clock, intervalMs: 0, jobs: [{ name: 'x', run: async () => { ticks++; } }] });
    await sleep(30);
    await scheduler.stop();
    expect(ticks).toBe(0);
  });
});

const pgTemplate = inject('pgTemplate');

/** Two server processes on one PostgreSQL, as two apps with their own pools on the same database. */
describe.skipIf(!pgTemplate)('several runners on one PostgreSQL', () => {
  let t: TestApp;
  let second: Database;
  let app2: BuiltApp;
  let rx: Receiver;
  beforeAll(async () => {
    t = await testApp();
    const [{ name } = { name: '' }] = await queryRows<{ name: string }>(t.database.db, sql`select current_database() as name`);
    second = await openPostgres(withDatabase(pgTemplate!.url, name), 5);
    app2 = await buildApp({ database: second, config: testConfig(), clock: new FakeClock(t.clock.now().getTime()) });
    rx = await startReceiver();
  });
  afterAll(async () => {
    await rx.close();
    await app2.close();
    await second.close();
    await t.close();
  });

  it('lets one runner at a time run the jobs', async () => {
    let inner: boolean | undefined;
    const holder: Job = { name: 'holder', run: async () => { inner = await runJobsOnce(second.db, t.clock, []); } };
    expect(await runJobsOnce(t.database.db, t.clock, [holder])).toBe(true);
    expect(inner).toBe(false);
    expect(await runJobsOnce(second.db, t.clock, [])).toBe(true);
  });

  it('makes one row of a notification sent twice at once with the same dedupe key', async () => {
    const { zoneId } = await demoIds(t.database.db, 'office');
    const office: Session = await login(t.app, 'office');
    const res = await office.request('POST', '/api/v1/notification-channels', { kind: 'wecom', name: '企业微信群', url: `${rx.base}/hook?key=k`, events: ['due_soon'] });
    expect(res.statusCode).toBe(201);
    const userIds = await usersWithRole(t.database.db, zoneId, ['office', 'unit_head', 'reporter']);
    const input = (i: number) => ({ zoneId, userIds, kind: 'due_soon' as const, params: { period: '2021-03', unitName: `单位${i}`, days: 3 }, link: null, dedupeKey: `due_soon:3:u${i}` });
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => [notify(t.database.db, input(i)), second.db.transaction((tx) => notify(tx, input(i)))]).flat(),
    );
    expect(created.reduce((a, b) => a + b, 0)).toBe(30 * userIds.length);
    const keys = Array.from({ length: 30 }, (_, i) => `due_soon:3:u${i}`);
    expect(await t.database.db.select().from(notification).where(inArray(notification.dedupeKey, keys))).toHaveLength(30 * userIds.length);
    expect(await t.database.db.select().from(delivery).where(like(delivery.dedupeKey, 'due_soon:3:u%'))).toHaveLength(30);
  });

  it('sends each pending reminder exactly once, however the runners overlap', async () => {
    rx.delayMs = 15;
    const jobA = createDeliveryJob({ smtpUrl: null, smtpFrom: null, publicUrl: null });
    const jobB = createDeliveryJob({ smtpUrl: null, smtpFrom: null, publicUrl: null });
    const results: boolean[] = [];
    for (let round = 0; round < 6; round++) {
      const now = t.clock.now();
      // Through the lock (as the schedulers do) and around it (claims alone must keep runners apart).
      const [a, b] = await Promise.all([
        runJobsOnce(t.database.db, t.clock, [jobA]),
        runJobsOnce(second.db, t.clock, [jobB]),
        jobA.run(t.database.db, now),
        jobB.run(second.db, now),
      ]);
      results.push(a as boolean, b as boolean);
    }
    const units = rx.received.map((r) => (r.body.markdown as { content: string }).content.match(/单位\d+/)![0]);
    expect(units).toHaveLength(30);
    expect(new Set(units).size).toBe(30);
    const rows = await t.database.db.select().from(delivery).where(like(delivery.dedupeKey, 'due_soon:3:u%'));
    expect(rows.every((d) => d.state === 'sent' && d.attempts === 1)).toBe(true);
    expect(results).toContain(true);
  });
});
