import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { Project } from '@lantu/core';
import { auditEvent } from '../audit/audit.table.js';
import { type ProjectFixture, fieldsOf, projectFixture } from './projects.test-helpers.js';

let f: ProjectFixture;
beforeAll(async () => {
  f = await projectFixture();
});
afterAll(() => f.t.close());

const advance = (id: string, body: object, as = f.office) => as.request('POST', `/api/v1/projects/${id}/advance`, body);
const get = async (id: string) => (await f.office.request('GET', `/api/v1/projects/${id}`)).json<Project>();
const lastAudit = async (action: string) =>
  (await f.t.database.db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.id)).limit(1))[0]!;
/** No investment planned this year, so only milestones decide the status. */
const milestoneOnly = { annualInvestment: 0 };

describe('advancing through the stages', () => {
  it('moves to the next stage on a date, sets the milestone and writes one audit event', async () => {
    const p = await f.createProject('T-S1', { ...milestoneOnly, plannedDates: { signed: '2021-01-20' } });
    const before = await f.auditCount();
    const res = await advance(p.id, { stage: 'signed', date: '2021-01-25', note: '签约仪式', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'signed', version: 1, status: 'green' });
    expect(res.json().milestones[1]).toEqual({ stage: 'signed', plannedDate: '2021-01-20', actualDate: '2021-01-25', delayDays: 5 });
    expect(await f.auditCount()).toBe(before + 1);
    expect((await lastAudit('project.advance')).summary).toMatchObject({ from: 'planning', to: 'signed', date: '2021-01-25', code: 'T-S1' });
  });

  it('refuses skipping forward or moving backwards with not_next, and changes nothing', async () => {
    const p = await f.createProject('T-S2', milestoneOnly);
    const audits = await f.auditCount();
    expect(fieldsOf(await advance(p.id, { stage: 'started', date: '2021-02-01', version: 0 }))).toEqual([{ field: 'stage', issue: 'not_next', limit: 'signed' }]);
    expect((await advance(p.id, { stage: 'signed', date: '2021-02-01', version: 0 })).statusCode).toBe(200);
    expect(fieldsOf(await advance(p.id, { stage: 'planning', date: '2021-02-02', version: 1 }))).toEqual([{ field: 'stage', issue: 'not_next', limit: 'started' }]);
    expect(fieldsOf(await advance(p.id, { stage: 'signed', date: '2021-02-02', version: 1 }))[0]).toMatchObject({ issue: 'not_next' });
    expect(await get(p.id)).toMatchObject({ stage: 'signed', version: 1 });
    expect(await f.auditCount()).toBe(audits + 1);
  });

  it('refuses a date after the business date or before the previous stage was reached', async () => {
    const p = await f.createProject('T-S3', milestoneOnly);
    await advance(p.id, { stage: 'signed', date: '2021-02-10', version: 0 });
    const audits = await f.auditCount();
    expect(fieldsOf(await advance(p.id, { stage: 'started', date: '2021-03-16', version: 1 }))).toEqual([{ field: 'date', issue: 'after_as_of', limit: '2021-03-15' }]);
    expect(fieldsOf(await advance(p.id, { stage: 'started', date: '2021-02-09', version: 1 }))).toEqual([{ field: 'date', issue: 'before_previous', limit: '2021-02-10' }]);
    expect(fieldsOf(await advance(p.id, { stage: 'started', date: '2021-02-30', version: 1 }))[0]!.field).toBe('date');
    expect((await advance(p.id, { stage: 'started', date: '2021-02-10', version: 0 })).statusCode).toBe(409);
    expect(await get(p.id)).toMatchObject({ stage: 'signed', version: 1 });
    expect(await f.auditCount()).toBe(audits);
  });

  it('reaches 投产 (done) and has nowhere further to go', async () => {
    const p = await f.createProject('T-S4', { plannedDates: { signed: '2020-01-01' } });
    const steps = [
      ['signed', '2021-01-01'],
      ['started', '2021-01-15'],
      ['structure_done', '2021-02-01'],
      ['completed', '2021-02-01'],
      ['in_production', '2021-03-15'],
    ];
    for (const [i, [stage, date]] of steps.entries()) expect((await advance(p.id, { stage, date, version: i })).statusCode).toBe(200);
    const done = await get(p.id);
    // Red for investment (nothing completed of 6000万元) until 投产, which is done whatever else.
    expect(done).toMatchObject({ stage: 'in_production', status: 'done', overdueDays: 0, reasons: [] });
    expect(done.milestones.map((m) => m.actualDate)).toEqual([null, ...steps.map(([, d]) => d)]);
    expect(fieldsOf(await advance(p.id, { stage: 'in_production', date: '2021-03-01', version: 5 }))).toEqual([{ field: 'stage', issue: 'not_next' }]);
  });
});

describe('stepping back', () => {
  it('is the office’s, with a reason: clears the stage’s date and writes one audit event', async () => {
    const p = await f.createProject('T-R1', milestoneOnly);
    await advance(p.id, { stage: 'signed', date: '2021-02-01', version: 0 });
    expect((await f.reporter.request('POST', `/api/v1/projects/${p.id}/revert`, { reason: '录错', version: 1 })).statusCode).toBe(403);
    expect(fieldsOf(await f.office.request('POST', `/api/v1/projects/${p.id}/revert`, { reason: '', version: 1 }))[0]!.field).toBe('reason');
    const before = await f.auditCount();
    const res = await f.office.request('POST', `/api/v1/projects/${p.id}/revert`, { reason: '签约日期录错', version: 1 });
    expect(res.json()).toMatchObject({ stage: 'planning', version: 2 });
    expect(res.json().milestones[1]).toMatchObject({ stage: 'signed', actualDate: null });
    expect(await f.auditCount()).toBe(before + 1);
    expect((await lastAudit('project.revert')).summary).toMatchObject({ from: 'signed', to: 'planning', reason: '签约日期录错', clearedDate: '2021-02-01' });
    expect(fieldsOf(await f.office.request('POST', `/api/v1/projects/${p.id}/revert`, { reason: '再退', version: 2 }))).toEqual([{ field: 'stage', issue: 'no_previous' }]);
    expect((await f.office.request('POST', `/api/v1/projects/${p.id}/revert`, { reason: '旧版本', version: 1 })).statusCode).toBe(409);
  });
});

describe('who may advance', () => {
  it('lets staff of the lead unit advance their projects, and no one else’s', async () => {
    const own = await f.createProject('T-W1', milestoneOnly);
    const others = await f.createProject('T-W2', { ...milestoneOnly, leadUnitId: f.unitIds.GJJ });
    expect((await advance(own.id, { stage: 'signed', date: '2021-02-01', version: 0 }, f.reporter)).statusCode).toBe(200);
    expect((await advance(own.id, { stage: 'started', date: '2021-02-02', version: 1 }, f.unitHead)).statusCode).toBe(200);
    const audits = await f.auditCount();
    expect((await advance(others.id, { stage: 'signed', date: '2021-02-01', version: 0 }, f.reporter)).statusCode).toBe(403);
    expect((await advance(others.id, { stage: 'signed', date: '2021-02-01', version: 0 }, f.leader)).statusCode).toBe(403);
    expect(await f.auditCount()).toBe(audits);
    expect(await get(others.id)).toMatchObject({ stage: 'planning', version: 0 });
  });
});

describe('a slipping milestone', () => {
  it('turns the project yellow, then red past 30 days; the overdue and status filters find it; reaching the stage clears it', async () => {
    const p = await f.createProject('T-O1', { ...milestoneOnly, plannedDates: { signed: '2021-03-10', started: '2021-12-01' } });
    await f.createProject('T-O2', milestoneOnly);
    const yellow = await get(p.id);
    expect(yellow).toMatchObject({ status: 'yellow', overdueDays: 5, overdueStage: 'signed', reasons: ['milestone_overdue'] });
    expect(yellow.milestones[1]).toMatchObject({ delayDays: 5 });
    const overdue = (await f.office.request('GET', '/api/v1/projects?q=T-O&overdue=true')).json();
    expect(overdue.items.map((i: Project) => i.code)).toEqual(['T-O1']);
    const onTime = (await f.office.request('GET', '/api/v1/projects?q=T-O&overdue=false')).json();
    expect(onTime.items.map((i: Project) => i.code)).toEqual(['T-O2']);

    await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 0, plannedDates: { signed: '2021-02-01' } });
    expect(await get(p.id)).toMatchObject({ status: 'red', overdueDays: 42, overdueStage: 'signed' });
    const red = (await f.office.request('GET', '/api/v1/projects?q=T-O&status=red')).json();
    expect(red.items.map((i: Project) => i.code)).toEqual(['T-O1']);
    const byStatus = (await f.office.request('GET', '/api/v1/projects?q=T-&sort=status')).json();
    expect(byStatus.items[0].status).toBe('red');

    const reached = (await advance(p.id, { stage: 'signed', date: '2021-03-01', version: 1 })).json();
    expect(reached).toMatchObject({ status: 'green', overdueDays: 0, overdueStage: null });
    expect(reached.milestones[1]).toMatchObject({ actualDate: '2021-03-01', delayDays: 28 });
    expect(reached.milestones[2]).toMatchObject({ plannedDate: '2021-12-01', delayDays: null });
  });
});
