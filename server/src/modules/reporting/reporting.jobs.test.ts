import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { ReportCycle, ReportDetail } from '@lantu/core';
import { FakeClock } from '../../platform/clock.js';
import { auditEvent } from '../audit/audit.table.js';
import { runJobsOnce } from '../notifications/scheduler.js';
import { zone } from '../zones/zones.table.js';
import { advanceBusinessDate, reminderFor, remindersJob, reportingJobs, shanghaiDate } from './reporting.jobs.js';
import { reportCycle } from './reporting.table.js';
import { type ReportingFixture, reportingFixture } from './reporting.test-helpers.js';

let f: ReportingFixture;
let cycle: ReportCycle;
let jfj: ReportDetail;
const clock = new FakeClock(Date.parse('2021-03-15T01:00:00Z'));

/** Two runs at once, as two scheduler processes would: dedupe keys keep every reminder single. */
const runTwice = async () => {
  await Promise.all([remindersJob.run(f.t.database.db, clock.now()), remindersJob.run(f.t.database.db, clock.now())]);
  expect(await runJobsOnce(f.t.database.db, clock, [remindersJob])).toBe(true);
};
const kinds = async (username: string) => (await f.notificationsOf(username)).filter((n) => n.kind === 'due_soon' || n.kind === 'overdue');

beforeAll(async () => {
  f = await reportingFixture();
  // The demo's own cycles would be reminded and closed too as the test moves the date.
  await f.t.database.db.delete(reportCycle);
  await f.createIndicator('JOB-M');
  cycle = await f.openCycle('2021-03');
  jfj = await f.reportOf(cycle.id, 'JFJ');
});
afterAll(() => f.t.close());

describe('reminders', () => {
  it('reminds nobody while the due date is more than 3 days away', async () => {
    await runTwice();
    expect(await kinds('reporter')).toEqual([]);
  });

  it('reminds the unit’s staff 3 days before the due date, exactly once however many runs', async () => {
    await f.setAsOf('2021-03-22');
    await runTwice();
    await runTwice();
    for (const who of ['reporter', 'unit_head']) {
      const sent = await kinds(who);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'due_soon', params: { days: 3, period: '2021-03', unitName: '经济发展局', dueDate: '2021-03-25' }, link: `/reports/${jfj.id}` });
    }
    // The office is not reminded of units’ reports.
    expect(await kinds('office')).toEqual([]);
    await f.setAsOf('2021-03-23');
    await runTwice();
    expect(await kinds('reporter')).toHaveLength(1);
  });

  it('reminds again 1 day before, once', async () => {
    await f.setAsOf('2021-03-24');
    await runTwice();
    await runTwice();
    const sent = await kinds('reporter');
    expect(sent.map((n) => [n.kind, n.params.days])).toEqual([['due_soon', 3], ['due_soon', 1]]);
  });

  it('after the due date: overdue once, then once a week', async () => {
    await f.setAsOf('2021-03-26');
    await runTwice();
    await f.setAsOf('2021-03-30');
    await runTwice();
    expect((await kinds('reporter')).filter((n) => n.kind === 'overdue').map((n) => n.params.days)).toEqual([1]);
    await f.setAsOf('2021-04-02');
    await runTwice();
    expect((await kinds('reporter')).filter((n) => n.kind === 'overdue').map((n) => n.params.days)).toEqual([1, 8]);
  });

  it('a submitted report is not chased', async () => {
    const filled = await f.fillAll(f.reporter, jfj.id);
    expect((await f.step(f.reporter, jfj.id, 'submit', { version: filled.version })).statusCode).toBe(200);
    await f.setAsOf('2021-04-04');
    const before = (await kinds('reporter')).length;
    await f.setAsOf('2021-04-09');
    await runTwice();
    expect(await kinds('reporter')).toHaveLength(before);
  });

  it('stages by days left (pure)', () => {
    expect(reminderFor('2021-03-25', '2021-03-21', 'r')).toBeNull();
    expect(reminderFor('2021-03-25', '2021-03-25', 'r')).toEqual({ kind: 'due_soon', key: 'due_soon:1:r', days: 0 });
    expect(reminderFor('2021-03-25', '2021-04-01', 'r')).toEqual({ kind: 'overdue', key: 'overdue:r:w0', days: 7 });
    expect(reminderFor('2021-03-25', '2021-04-02', 'r')?.key).toBe('overdue:r:w1');
  });
});

describe('closing and the business date', () => {
  it('closes a cycle whose close date has passed, as the system, once', async () => {
    await f.setAsOf('2021-04-05');
    await runJobsOnce(f.t.database.db, clock, reportingJobs);
    expect((await f.office.request('GET', `/api/v1/report-cycles/${cycle.id}`)).json().state).toBe('open');
    await f.setAsOf('2021-04-06');
    expect(await runJobsOnce(f.t.database.db, clock, reportingJobs)).toBe(true);
    await runJobsOnce(f.t.database.db, clock, reportingJobs);
    const [row] = await f.t.database.db.select().from(reportCycle).where(eq(reportCycle.id, cycle.id));
    expect(row!.state).toBe('closed');
    const events = await f.t.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'cycle.close'), isNull(auditEvent.userId)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ username: 'system', zoneId: f.zoneId, objectId: cycle.id });
    expect((await f.detail(f.reporter, jfj.id)).locked).toBe(true);
  });

  it('moves a real zone’s business date to today in Shanghai, never a demo zone’s', async () => {
    const db = f.t.database.db;
    const [real] = await db.insert(zone).values({ code: 'real-zone', name: '真实开发区', asOfDate: '2024-06-01' }).returning();
    const [ahead] = await db.insert(zone).values({ code: 'ahead-zone', name: '超前开发区', asOfDate: '2030-01-01' }).returning();
    // 17:30 UTC on 30 June is already 1 July in Shanghai.
    const now = new Date(Date.parse('2024-06-30T17:30:00Z'));
    expect(shanghaiDate(now)).toBe('2024-07-01');
    await advanceBusinessDate.run(db, now);
    await advanceBusinessDate.run(db, now);
    const dates = Object.fromEntries((await db.select().from(zone)).map((z) => [z.code, z.asOfDate]));
    expect(dates).toMatchObject({ 'real-zone': '2024-07-01', 'ahead-zone': '2030-01-01', 'jiaozuo-hitech': '2021-04-06' });
    const moved = await db.select().from(auditEvent).where(eq(auditEvent.action, 'zone.advance_business_date'));
    expect(moved.map((e) => e.objectId)).toEqual([real!.id]);
    expect(ahead).toBeDefined();
  });
});
