import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { ReportCycle, UnitReport } from '@lantu/core';
import { auditEvent } from '../audit/audit.table.js';
import { unit } from '../units/units.table.js';
import { zone } from '../zones/zones.table.js';
import { reportCycle, reportLine, unitReport } from './reporting.table.js';
import { type ReportingFixture, fieldsOf, reportingFixture } from './reporting.test-helpers.js';

let f: ReportingFixture;
let march: ReportCycle;
const reportsOf = async (cycleId: string) => (await f.office.request('GET', `/api/v1/reports?cycleId=${cycleId}&pageSize=200`)).json<{ items: UnitReport[]; total: number }>();

beforeAll(async () => {
  f = await reportingFixture();
  await f.createIndicator('CYC-M');
  await f.createIndicator('CYC-Q', { frequency: 'quarterly' });
  await f.createIndicator('CYC-P', { source: 'projects', kind: 'level', unitOfMeasure: '个', baseline: '0', projectFilter: { measure: 'count' } });
  await f.createProject('CYC-PRJ');
});
afterAll(() => f.t.close());

describe('opening a cycle', () => {
  it('defaults its dates and opens one report per unit owing something, with lines of every kind', async () => {
    march = await f.openCycle('2021-03');
    expect(march).toMatchObject({ period: '2021-03', openDate: '2021-03-01', dueDate: '2021-03-25', closeDate: '2021-04-05', state: 'open', lateCount: 0, version: 0 });
    expect(march.counts).toMatchObject({ not_started: march.reportCount, draft: 0, submitted: 0, accepted: 0 });
    const list = await reportsOf(march.id);
    expect(list.total).toBe(march.reportCount);
    // Units owing nothing get no report.
    expect(list.items.every((r) => r.lineCount > 0)).toBe(true);
    const [units] = await f.t.database.db.select({ n: count() }).from(unit).where(eq(unit.zoneId, f.zoneId));
    expect(march.reportCount).toBeLessThan(units!.n);
    const jfj = await f.reportOf(march.id, 'JFJ');
    const codes = jfj.lines.map((l) => l.code);
    // Monthly and quarterly (March ends a quarter) reported indicators; computed ones never.
    expect(codes).toEqual(expect.arrayContaining(['CYC-M', 'CYC-Q', 'CYC-PRJ']));
    expect(codes).not.toContain('CYC-P');
    expect(jfj.lines.filter((l) => l.kind === 'item').map((l) => l.itemCode)).toContain(f.jfjItem.code);
    const audits = await f.t.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'cycle.open'));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.summary).toMatchObject({ period: '2021-03', reports: march.reportCount });
  });

  it('owes quarterly values only at the end of a quarter', async () => {
    const april = await f.openCycle('2021-04', { openDate: '2021-04-01', dueDate: '2021-04-20', closeDate: '2021-05-03' });
    expect(april).toMatchObject({ dueDate: '2021-04-20', closeDate: '2021-05-03' });
    const codes = (await f.reportOf(april.id, 'JFJ')).lines.map((l) => l.code);
    expect(codes).toContain('CYC-M');
    expect(codes).not.toContain('CYC-Q');
  });

  it('refuses a month already open, dates out of order and a bad month, naming the field, and saves nothing', async () => {
    const before = (await f.t.database.db.select({ n: count() }).from(reportCycle))[0]!.n;
    expect(fieldsOf(await f.office.request('POST', '/api/v1/report-cycles', { period: '2021-03' }))).toEqual([{ field: 'period', issue: 'taken' }]);
    expect(fieldsOf(await f.office.request('POST', '/api/v1/report-cycles', { period: '2021-05', dueDate: '2021-04-30', closeDate: '2021-04-29' }))).toEqual([
      { field: 'dueDate', issue: 'before_start', limit: '2021-05-01' },
      { field: 'closeDate', issue: 'before_start', limit: '2021-04-30' },
    ]);
    expect(fieldsOf(await f.office.request('POST', '/api/v1/report-cycles', { period: '2021-13' }))[0]!.field).toBe('period');
    expect((await f.reporter.request('POST', '/api/v1/report-cycles', { period: '2021-06' })).statusCode).toBe(403);
    expect((await f.t.database.db.select({ n: count() }).from(reportCycle))[0]!.n).toBe(before);
  });

  it('lists cycles newest first and reads one; another zone’s cycle does not exist', async () => {
    const list = (await f.leader.request('GET', '/api/v1/report-cycles?year=2021')).json<{ items: ReportCycle[]; total: number }>();
    expect(list.items.map((c) => c.period)).toEqual(['2021-04', '2021-03', '2021-02', '2021-01']);
    expect((await f.reporter.request('GET', `/api/v1/report-cycles/${march.id}`)).json()).toMatchObject({ id: march.id, reportCount: march.reportCount });
    const [other] = await f.t.database.db.insert(zone).values({ code: 'other-zone', name: '别的开发区', asOfDate: '2021-03-15' }).returning();
    const [foreign] = await f.t.database.db.insert(reportCycle).values({ zoneId: other!.id, period: '2021-03', openDate: '2021-03-01', dueDate: '2021-03-25', closeDate: '2021-04-05' }).returning();
    expect((await f.office.request('GET', `/api/v1/report-cycles/${foreign!.id}`)).statusCode).toBe(404);
    expect((await f.office.request('POST', `/api/v1/report-cycles/${foreign!.id}/close`, { version: 0 })).statusCode).toBe(404);
  });
});

describe('moving dates, reminding, closing and reopening', () => {
  it('moves the dates under the optimistic lock', async () => {
    const stale = await f.office.request('PATCH', `/api/v1/report-cycles/${march.id}`, { dueDate: '2021-03-26', version: 5 });
    expect(stale.statusCode).toBe(409);
    expect(fieldsOf(await f.office.request('PATCH', `/api/v1/report-cycles/${march.id}`, { dueDate: '2021-02-26', version: 0 }))).toEqual([{ field: 'dueDate', issue: 'before_start', limit: '2021-03-01' }]);
    const moved = await f.office.request('PATCH', `/api/v1/report-cycles/${march.id}`, { dueDate: '2021-03-26', version: 0 });
    expect(moved.json()).toMatchObject({ dueDate: '2021-03-26', version: 1 });
    march = moved.json();
  });

  it('reminds every unit not yet submitted once a business day, however often the office clicks', async () => {
    const first = await f.office.request('POST', `/api/v1/report-cycles/${march.id}/remind`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().reports).toBe(march.reportCount);
    expect(first.json().notified).toBeGreaterThan(0);
    expect((await f.office.request('POST', `/api/v1/report-cycles/${march.id}/remind`)).json()).toEqual({ reports: march.reportCount, notified: 0 });
    expect(await f.notificationsOf('reporter', 'remind')).toHaveLength(1);
    await f.setAsOf('2021-03-16');
    await f.office.request('POST', `/api/v1/report-cycles/${march.id}/remind`);
    expect(await f.notificationsOf('reporter', 'remind')).toHaveLength(2);
  });

  it('closing locks the reports: no edit, no submit', async () => {
    const jfj = await f.reportOf(march.id, 'JFJ');
    const edited = await f.put(f.reporter, jfj, jfj.lines[0]!, { note: '草稿' });
    expect(edited.statusCode).toBe(200);
    const closed = await f.office.request('POST', `/api/v1/report-cycles/${march.id}/close`, { version: march.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    expect((await f.office.request('POST', `/api/v1/report-cycles/${march.id}/close`, { version: closed.json().version })).statusCode).toBe(409);
    const locked = await f.detail(f.reporter, jfj.id);
    expect(locked).toMatchObject({ locked: true, state: 'draft' });
    const refused = await f.put(f.reporter, locked, locked.lines[1]!, { note: '补报' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'locked' });
    expect((await f.step(f.reporter, jfj.id, 'submit', { version: locked.version })).statusCode).toBe(409);
    expect((await f.office.request('POST', `/api/v1/report-cycles/${march.id}/remind`)).statusCode).toBe(409);
    expect((await f.office.request('PATCH', `/api/v1/report-cycles/${march.id}`, { dueDate: '2021-03-27', version: closed.json().version })).statusCode).toBe(409);
  });

  it('the office reopens one locked report with a reason (audited); it becomes editable again', async () => {
    const jfj = await f.reportOf(march.id, 'JFJ');
    expect(fieldsOf(await f.step(f.office, jfj.id, 'reopen', { version: jfj.version }))[0]!.field).toBe('reason');
    const reopened = await f.step(f.office, jfj.id, 'reopen', { version: jfj.version, reason: '因系统故障未能按时报送' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'returned', locked: false, reopenReason: '因系统故障未能按时报送' });
    const [event] = await f.t.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'report.reopen'), eq(auditEvent.objectId, jfj.id)));
    expect(event!.summary).toMatchObject({ reason: '因系统故障未能按时报送', before: { state: 'draft' }, after: { state: 'returned' } });
    // The step answers the report's summary; the lines are read with the report.
    expect(reopened.json()).not.toHaveProperty('lines');
    expect((await f.put(f.reporter, jfj.id, jfj.lines[1]!, { note: '补报' })).statusCode).toBe(200);
    expect(await f.notificationsOf('reporter', 'reopened')).toHaveLength(1);
    // Another unit's report stays locked.
    expect((await f.reportOf(march.id, 'KJJ')).locked).toBe(true);
  });

  it('an open, unaccepted report has nothing to reopen', async () => {
    const april = (await f.office.request('GET', '/api/v1/report-cycles?year=2021')).json<{ items: ReportCycle[] }>().items[0]!;
    const jfj = await f.reportOf(april.id, 'JFJ');
    const res = await f.step(f.office, jfj.id, 'reopen', { version: jfj.version, reason: '无' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'state', action: 'reopen' });
    const [n] = await f.t.database.db.select({ n: count() }).from(reportLine).innerJoin(unitReport, eq(unitReport.id, reportLine.reportId)).where(eq(unitReport.cycleId, april.id));
    expect(n!.n).toBeGreaterThan(0);
  });
});
