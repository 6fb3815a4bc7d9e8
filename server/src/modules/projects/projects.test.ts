import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Project } from '@lantu/core';
import { ConfigError, loadConfig } from '../../config.js';
import { project as projectTable } from './projects.table.js';
import { projectMap } from './projects.service.js';
import { type ProjectFixture, fieldsOf, otherZone, projectFixture } from './projects.test-helpers.js';

let f: ProjectFixture;
beforeAll(async () => {
  f = await projectFixture();
});
afterAll(() => f.t.close());

const projectCount = async () => (await f.t.database.db.select({ n: count() }).from(projectTable))[0]!.n;
const list = async (query: string) => (await f.office.request('GET', `/api/v1/projects?${query}`)).json<{ items: Project[]; total: number }>();
const codes = (r: { items: Project[] }) => r.items.map((p) => p.code);

describe('registering a project', () => {
  it('creates it at 谋划 with six milestones, its names and one audit event', async () => {
    const before = await f.auditCount();
    const p = await f.createProject('T-C1', {
      name: '蒙牛乳业三期',
      enterprise: '内蒙古蒙牛乳业（焦作）有限公司',
      leaderId: f.userIds.leader,
      lat: 35.24,
      lng: 113.21,
      address: '焦作高新区神州路',
      batches: ['start', 'start'],
      plannedDates: { signed: '2021-02-01', started: '2021-05-01' },
    });
    expect(p).toMatchObject({ stage: 'planning', leadUnitName: '经济发展局', leaderName: expect.stringContaining('王志远'), batches: ['start'], version: 0, cumulativeInvestment: 0, openProblems: 0 });
    expect(p.milestones.map((m) => [m.stage, m.plannedDate, m.actualDate])).toEqual([
      ['planning', null, null],
      ['signed', '2021-02-01', null],
      ['started', '2021-05-01', null],
      ['structure_done', null, null],
      ['completed', null, null],
      ['in_production', null, null],
    ]);
    expect(await f.auditCount()).toBe(before + 1);
    const read = (await f.leader.request('GET', `/api/v1/projects/${p.id}`)).json();
    expect(read).toMatchObject({ code: 'T-C1', totalInvestment: 10000, annualInvestment: 6000 });
  });

  it('refuses bad input with a field-level 400 and saves nothing', async () => {
    const other = await otherZone(f.t);
    const base = { code: 'T-BAD', name: '坏数据', category: 'industry', year: 2021, totalInvestment: 100, annualInvestment: 50 };
    const cases: [object, string, string?][] = [
      [{ totalInvestment: -1 }, 'totalInvestment'],
      [{ annualInvestment: -5 }, 'annualInvestment'],
      [{ annualInvestment: 101 }, 'annualInvestment', 'exceeds_total'],
      [{ lat: 91, lng: 113 }, 'lat'],
      [{ lat: 35, lng: -181 }, 'lng'],
      [{ lat: 35 }, 'lng', 'required'],
      [{ code: 'T-C1' }, 'code', 'taken'],
      [{ leadUnitId: other.unitId }, 'leadUnitId', 'not_found'],
      [{ leaderId: other.unitId }, 'leaderId', 'not_found'],
      [{ stage: 'started' }, 'stage', 'unknown_field'],
      [{ totalInvestment: 1.5 }, 'totalInvestment'],
    ];
    const [audits, projects] = [await f.auditCount(), await projectCount()];
    for (const [change, field, issue] of cases) {
      const issues = fieldsOf(await f.office.request('POST', '/api/v1/projects', { ...base, ...change }));
      expect(issues.map((i) => i.field), JSON.stringify(change)).toContain(field);
      if (issue) expect(issues.find((i) => i.field === field)?.issue).toBe(issue);
    }
    expect([await f.auditCount(), await projectCount()]).toEqual([audits, projects]);
  });

  it('is the office’s: unit staff and leaders may read but not register', async () => {
    const body = { code: 'T-NO', name: '无权', category: 'industry', year: 2021, totalInvestment: 1, annualInvestment: 1 };
    expect((await f.reporter.request('POST', '/api/v1/projects', body)).statusCode).toBe(403);
    expect((await f.leader.request('POST', '/api/v1/projects', body)).statusCode).toBe(403);
    expect((await f.reporter.request('GET', '/api/v1/projects')).statusCode).toBe(200);
  });
});

describe('the list', () => {
  beforeAll(async () => {
    await f.createProject('T-L3', { name: '甲 智能装备产业园', category: 'industry', batches: ['sign'], totalInvestment: 30000, annualInvestment: 100, enterprise: '多氟多化工' });
    await f.createProject('T-L1', { name: '乙 城市道路', category: 'infrastructure', batches: ['start', 'production'], totalInvestment: 5000, annualInvestment: 100, leadUnitId: f.unitIds.GJJ });
    await f.createProject('T-L2', { name: '丙 孵化器二期', category: 'innovation', year: 2022, totalInvestment: 8000, annualInvestment: 100, address: '山阳路100%号' });
    await f.createProject('T-L10', { name: '丁 污水处理', category: 'infrastructure', batches: ['start'], totalInvestment: 12000, annualInvestment: 100, leadUnitId: f.unitIds.GJJ });
  });

  it('searches code, name, enterprise and address, case-insensitively, and LIKE wildcards are plain text', async () => {
    expect(codes(await list('q=t-l'))).toEqual(['T-L1', 'T-L2', 'T-L3', 'T-L10']);
    expect(codes(await list(`q=${encodeURIComponent('多氟多')}`))).toEqual(['T-L3']);
    expect(codes(await list(`q=${encodeURIComponent('孵化器')}`))).toEqual(['T-L2']);
    expect(codes(await list(`q=${encodeURIComponent('100%')}`))).toEqual(['T-L2']);
    expect(codes(await list('q=T-L_'))).toEqual([]);
  });

  it('filters by category, batch, lead unit, year and stage', async () => {
    expect(codes(await list('q=T-L&category=infrastructure'))).toEqual(['T-L1', 'T-L10']);
    expect(codes(await list('q=T-L&batch=start'))).toEqual(['T-L1', 'T-L10']);
    expect(codes(await list('q=T-L&batch=sign'))).toEqual(['T-L3']);
    expect(codes(await list(`q=T-L&unitId=${f.unitIds.GJJ}`))).toEqual(['T-L1', 'T-L10']);
    expect(codes(await list('q=T-L&year=2022'))).toEqual(['T-L2']);
    expect(codes(await list('q=T-L&stage=signed'))).toEqual([]);
    expect(fieldsOf(await f.office.request('GET', '/api/v1/projects?category=spaceport'))[0]!.field).toBe('querystring.category');
  });

  it('sorts and pages', async () => {
    expect(codes(await list('q=T-L&sort=totalInvestment&order=desc'))).toEqual(['T-L3', 'T-L10', 'T-L2', 'T-L1']);
    const page = await list('q=T-L&pageSize=3&page=2');
    expect(page).toMatchObject({ total: 4 });
    expect(codes(page)).toEqual(['T-L10']);
  });

  it('places located projects on the map, counts the unlocated, and gives the configured tiles', async () => {
    await f.createProject('T-M1', { lat: 35.2, lng: 113.2, address: '地图上' });
    await f.createProject('T-M2');
    const map = (await f.reporter.request('GET', '/api/v1/projects/map?q=T-M')).json();
    expect(map).toMatchObject({ tileUrl: null, total: 1, unlocated: 1, items: [{ code: 'T-M1', lat: 35.2, lng: 113.2, status: 'red', stage: 'planning' }] });
    const tiles = 'https://tiles.example.cn/{z}/{x}/{y}.png';
    expect((await projectMap(f.t.database.db, f.zoneId, { q: 'T-M' }, tiles)).tileUrl).toBe(tiles);
    expect(loadConfig({ MAP_TILE_URL: tiles }).mapTileUrl).toBe(tiles);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.cn/map.png' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAP_TILE_URL: 'file:///{z}/{x}/{y}' })).toThrow(ConfigError);
  });
});

describe('changing and deleting', () => {
  it('updates under the version, moves planned dates, and keeps the total above what is completed', async () => {
    const p = await f.createProject('T-U1', { totalInvestment: 1000, annualInvestment: 500 });
    const before = await f.auditCount();
    const ok = await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 0, name: '改名', plannedDates: { started: '2021-06-30' } });
    expect(ok.json()).toMatchObject({ name: '改名', version: 1 });
    expect(ok.json().milestones[2]).toMatchObject({ stage: 'started', plannedDate: '2021-06-30' });
    expect(await f.auditCount()).toBe(before + 1);
    expect((await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 0, name: '旧版本' })).statusCode).toBe(409);
    expect((await f.office.request('PUT', `/api/v1/projects/${p.id}/progress/2021-02`, { completedInvestment: 400 })).statusCode).toBe(200);
    const low = fieldsOf(await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, totalInvestment: 399, annualInvestment: 300 }));
    expect(low).toEqual([{ field: 'totalInvestment', issue: 'below_completed', limit: 400 }]);
    expect(fieldsOf(await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, annualInvestment: 1001 }))[0]).toMatchObject({ field: 'annualInvestment', issue: 'exceeds_total' });
    expect(fieldsOf(await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, lat: null, lng: 200 }))[0]!.field).toBe('lng');
    expect(fieldsOf(await f.office.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, stage: 'completed' }))[0]).toMatchObject({ field: 'stage', issue: 'unknown_field' });
    const read = (await f.office.request('GET', `/api/v1/projects/${p.id}`)).json();
    expect(read).toMatchObject({ version: 1, totalInvestment: 1000, annualInvestment: 500, cumulativeInvestment: 400, stage: 'planning' });
  });

  it('deletes with one audit event; another zone’s project does not exist', async () => {
    const p = await f.createProject('T-D1');
    const before = await f.auditCount();
    expect((await f.office.request('DELETE', `/api/v1/projects/${p.id}`)).json()).toEqual({ ok: true });
    expect(await f.auditCount()).toBe(before + 1);
    expect((await f.office.request('GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    expect((await f.office.request('DELETE', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    const other = await otherZone(f.t);
    const [row] = await f.t.database.db
      .insert(projectTable)
      .values({ zoneId: other.zoneId, code: 'T-Z1', name: '别区项目', category: 'industry', year: 2021, totalInvestment: 1, annualInvestment: 1 })
      .returning();
    expect((await f.office.request('GET', `/api/v1/projects/${row!.id}`)).statusCode).toBe(404);
    expect((await f.office.request('PATCH', `/api/v1/projects/${row!.id}`, { version: 0, name: 'x' })).statusCode).toBe(404);
    expect(codes(await list('q=T-Z1'))).toEqual([]);
    expect((await f.t.database.db.select().from(projectTable).where(eq(projectTable.id, row!.id))).length).toBe(1);
  });
});
