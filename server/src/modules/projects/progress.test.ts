import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Project, ProjectProgress } from '@lantu/core';
import { projectPhoto, projectProgress } from './projects.table.js';
import { type ProjectFixture, fieldsOf, projectFixture } from './projects.test-helpers.js';

let f: ProjectFixture;
beforeAll(async () => {
  f = await projectFixture();
});
afterAll(() => f.t.close());

const put = (id: string, period: string, body: object, as = f.office) => as.request('PUT', `/api/v1/projects/${id}/progress/${period}`, body);
const months = async (id: string) => (await f.office.request('GET', `/api/v1/projects/${id}/progress`)).json<{ items: ProjectProgress[]; total: number }>();
const get = async (id: string) => (await f.office.request('GET', `/api/v1/projects/${id}`)).json<Project>();
const rowCount = async () => (await f.t.database.db.select({ n: count() }).from(projectProgress))[0]!.n;

describe('monthly progress', () => {
  it('records months, derives the cumulative, and judges the year’s investment against the linear plan', async () => {
    // 1200万元 this year: by February (month 2 is judged) 200万元 are expected.
    const p = await f.createProject('T-P1', { totalInvestment: 5000, annualInvestment: 1200 });
    const before = await f.auditCount();
    const jan = await put(p.id, '2021-01', { completedInvestment: 100, imageProgress: '场地平整完成' });
    expect(jan.json()).toMatchObject({ period: '2021-01', completedInvestment: 100, cumulativeInvestment: 100, reviewState: 'accepted', version: 0, photos: [] });
    expect((await put(p.id, '2021-02', { completedInvestment: 90 })).json()).toMatchObject({ cumulativeInvestment: 190 });
    expect((await put(p.id, '2021-03', { completedInvestment: 500, note: '本月在建' })).statusCode).toBe(200);
    expect(await f.auditCount()).toBe(before + 3);
    const list = await months(p.id);
    expect(list.items.map((m) => [m.period, m.completedInvestment, m.cumulativeInvestment])).toEqual([
      ['2021-01', 100, 100],
      ['2021-02', 90, 190],
      ['2021-03', 500, 690],
    ]);
    // March is not yet judged: it counts in the cumulative, not in the year-to-date.
    expect(await get(p.id)).toMatchObject({ cumulativeInvestment: 690, yearToDate: 190, status: 'green', investmentRatio: 0.95 });
    expect((await put(p.id, '2021-02', { completedInvestment: 70, version: 0 })).json()).toMatchObject({ version: 1, cumulativeInvestment: 170, note: null });
    expect(await get(p.id)).toMatchObject({ yearToDate: 170, status: 'yellow', reasons: ['investment_behind'] });
    expect((await put(p.id, '2021-02', { completedInvestment: 0, version: 1 })).statusCode).toBe(200);
    expect(await get(p.id)).toMatchObject({ yearToDate: 100, status: 'red' });
  });

  it('refuses a cumulative above the total, negative money and future months, and saves nothing', async () => {
    const p = await f.createProject('T-P2', { totalInvestment: 1000, annualInvestment: 1000 });
    await put(p.id, '2021-01', { completedInvestment: 400 });
    await put(p.id, '2021-02', { completedInvestment: 500 });
    const [audits, rows] = [await f.auditCount(), await rowCount()];
    expect(fieldsOf(await put(p.id, '2021-03', { completedInvestment: 101 }))).toEqual([{ field: 'completedInvestment', issue: 'exceeds_total', limit: 100 }]);
    expect(fieldsOf(await put(p.id, '2021-01', { completedInvestment: 501, version: 0 }))).toEqual([{ field: 'completedInvestment', issue: 'exceeds_total', limit: 500 }]);
    expect(fieldsOf(await put(p.id, '2021-03', { completedInvestment: -1 }))[0]!.field).toBe('completedInvestment');
    expect(fieldsOf(await put(p.id, '2021-03', { completedInvestment: 0.5 }))[0]!.field).toBe('completedInvestment');
    expect(fieldsOf(await put(p.id, '2021-04', { completedInvestment: 1 }))).toEqual([{ field: 'period', issue: 'after_as_of', limit: '2021-03' }]);
    expect((await put(p.id, '2021-13', { completedInvestment: 1 })).statusCode).toBe(400);
    expect((await put(p.id, '2021-03', { completedInvestment: 1, reviewState: 'draft' })).statusCode).toBe(400);
    expect([await f.auditCount(), await rowCount()]).toEqual([audits, rows]);
    expect((await put(p.id, '2021-03', { completedInvestment: 100 })).json()).toMatchObject({ cumulativeInvestment: 1000 });
  });

  it('needs the version to correct a month: a second first entry and a stale edit are conflicts', async () => {
    const p = await f.createProject('T-P3');
    expect((await put(p.id, '2021-02', { completedInvestment: 10 })).statusCode).toBe(200);
    expect((await put(p.id, '2021-02', { completedInvestment: 20 })).statusCode).toBe(409);
    expect((await put(p.id, '2021-01', { completedInvestment: 20, version: 0 })).statusCode).toBe(409);
    // Two people read version 0; the first correction wins, the second is told to reload.
    expect((await put(p.id, '2021-02', { completedInvestment: 11, version: 0 }, f.reporter)).statusCode).toBe(200);
    expect((await put(p.id, '2021-02', { completedInvestment: 12, version: 0 })).statusCode).toBe(409);
    expect((await months(p.id)).items).toMatchObject([{ period: '2021-02', completedInvestment: 11, version: 1 }]);
  });

  it('lets staff of the lead unit record their projects only', async () => {
    const own = await f.createProject('T-P4');
    const others = await f.createProject('T-P5', { leadUnitId: f.unitIds.GJJ });
    expect((await put(own.id, '2021-01', { completedInvestment: 10 }, f.reporter)).statusCode).toBe(200);
    expect((await put(own.id, '2021-02', { completedInvestment: 10 }, f.unitHead)).statusCode).toBe(200);
    const audits = await f.auditCount();
    expect((await put(others.id, '2021-01', { completedInvestment: 10 }, f.reporter)).statusCode).toBe(403);
    expect((await put(others.id, '2021-01', { completedInvestment: 10 }, f.leader)).statusCode).toBe(403);
    expect((await f.reporter.request('DELETE', `/api/v1/projects/${own.id}/progress/2021-01`)).statusCode).toBe(200);
    expect((await f.office.request('PUT', `/api/v1/projects/${others.id}/progress/2021-01`, { completedInvestment: 10 })).statusCode).toBe(200);
    expect((await f.reporter.request('DELETE', `/api/v1/projects/${others.id}/progress/2021-01`)).statusCode).toBe(403);
    expect((await f.leader.request('GET', `/api/v1/projects/${others.id}/progress`)).json().total).toBe(1);
    expect(await f.auditCount()).toBe(audits + 2);
  });

  it('deletes a month with its photo records and one audit event', async () => {
    const p = await f.createProject('T-P6');
    const month = (await put(p.id, '2021-02', { completedInvestment: 30 })).json<ProjectProgress>();
    const db = f.t.database.db;
    const photo = { zoneId: f.zoneId, progressId: month.id, mimeType: 'image/jpeg', size: 2048, sha256: 'ab'.repeat(32) };
    await db.insert(projectPhoto).values([
      { ...photo, originalName: '基坑.jpg', storedName: `t-p6-a-${month.id}`, createdAt: new Date('2021-02-21T00:00:00Z'), takenAt: new Date('2021-02-20T03:04:05Z'), lat: 35.2, lng: 113.2 },
      { ...photo, originalName: '塔吊.jpg', storedName: `t-p6-b-${month.id}`, createdAt: new Date('2021-02-22T00:00:00Z') },
    ]);
    const listed = (await months(p.id)).items[0]!;
    expect(listed.photos).toEqual([
      { id: expect.any(String), name: '基坑.jpg', size: 2048, mimeType: 'image/jpeg', takenAt: '2021-02-20T03:04:05.000Z', lat: 35.2, lng: 113.2 },
      { id: expect.any(String), name: '塔吊.jpg', size: 2048, mimeType: 'image/jpeg', takenAt: null, lat: null, lng: null },
    ]);
    const before = await f.auditCount();
    expect((await f.office.request('DELETE', `/api/v1/projects/${p.id}/progress/2021-02`)).json()).toEqual({ ok: true });
    expect(await f.auditCount()).toBe(before + 1);
    expect((await months(p.id)).total).toBe(0);
    expect((await db.select({ n: count() }).from(projectPhoto).where(eq(projectPhoto.progressId, month.id)))[0]!.n).toBe(0);
    expect((await f.office.request('DELETE', `/api/v1/projects/${p.id}/progress/2021-02`)).statusCode).toBe(404);
    expect(await f.auditCount()).toBe(before + 1);
  });
});
