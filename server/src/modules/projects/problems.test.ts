import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { Problem, Project } from '@lantu/core';
import { projectProblem } from './projects.table.js';
import { type ProjectFixture, fieldsOf, otherZone, projectFixture } from './projects.test-helpers.js';

let f: ProjectFixture;
let own: Project;
let others: Project;
beforeAll(async () => {
  f = await projectFixture();
  own = await f.createProject('T-Q1');
  others = await f.createProject('T-Q2', { leadUnitId: f.unitIds.GJJ });
});
afterAll(() => f.t.close());

const raise = (projectId: string, body: object, as = f.office) => as.request('POST', `/api/v1/projects/${projectId}/problems`, body);
const act = (id: string, action: string, body: object, as = f.office) => as.request('POST', `/api/v1/project-problems/${id}/${action}`, body);
const problemCount = async () => (await f.t.database.db.select({ n: count() }).from(projectProblem))[0]!.n;
const zoneList = async (query: string) => (await f.leader.request('GET', `/api/v1/project-problems?${query}`)).json<{ items: Problem[]; total: number }>();

describe('problems needing coordination (问题清单)', () => {
  let land: Problem;
  let power: Problem;

  it('are raised on a project by the office or its lead unit’s staff, for an owner unit of the zone', async () => {
    const before = await f.auditCount();
    const res = await raise(own.id, { description: '用地指标未落实', ownerUnitId: f.unitIds.GJJ, deadline: '2021-03-01' }, f.reporter);
    expect(res.statusCode, res.body).toBe(201);
    land = res.json();
    expect(land).toMatchObject({ projectCode: 'T-Q1', ownerUnitName: '规划建设局', state: 'open', overdue: true, version: 0, resolution: null });
    power = (await raise(own.id, { description: '电力增容', ownerUnitId: f.unitIds.JFJ, deadline: '2021-04-30' })).json();
    expect(power).toMatchObject({ overdue: false });
    expect(await f.auditCount()).toBe(before + 2);

    const [audits, rows] = [await f.auditCount(), await problemCount()];
    expect((await raise(others.id, { description: '不是本单位的项目', ownerUnitId: f.unitIds.JFJ }, f.reporter)).statusCode).toBe(403);
    expect((await raise(own.id, { description: '领导不录入', ownerUnitId: f.unitIds.JFJ }, f.leader)).statusCode).toBe(403);
    const other = await otherZone(f.t);
    expect(fieldsOf(await raise(own.id, { description: '别区单位', ownerUnitId: other.unitId }))).toEqual([{ field: 'ownerUnitId', issue: 'not_found' }]);
    expect(fieldsOf(await raise(own.id, { description: ' ', ownerUnitId: f.unitIds.JFJ }))[0]!.field).toBe('description');
    expect(fieldsOf(await raise(own.id, { description: '日期', ownerUnitId: f.unitIds.JFJ, deadline: '2021-02-30' }))[0]!.field).toBe('deadline');
    expect([await f.auditCount(), await problemCount()]).toEqual([audits, rows]);
    expect((await f.office.request('GET', `/api/v1/projects/${own.id}`)).json().openProblems).toBe(2);
  });

  it('are listed on the project and on the owner unit’s list, open first then by deadline', async () => {
    const onProject = (await f.reporter.request('GET', `/api/v1/projects/${own.id}/problems`)).json();
    expect(onProject.items.map((p: Problem) => p.description)).toEqual(['用地指标未落实', '电力增容']);
    expect((await zoneList(`ownerUnitId=${f.unitIds.GJJ}&projectId=${own.id}`)).items.map((p) => p.id)).toEqual([land.id]);
    const gjj = await zoneList(`ownerUnitId=${f.unitIds.GJJ}&pageSize=200`);
    expect(gjj.items.map((p) => p.id)).toContain(land.id);
    expect(new Set(gjj.items.map((p) => p.ownerUnitId))).toEqual(new Set([f.unitIds.GJJ]));
    const states = gjj.items.map((p) => p.state);
    expect(states).toEqual([...states].sort((a, b) => ['open', 'resolved', 'closed'].indexOf(a) - ['open', 'resolved', 'closed'].indexOf(b)));
    expect((await zoneList(`projectId=${own.id}&state=open`)).total).toBe(2);
    expect((await zoneList(`projectId=${own.id}&pageSize=1&page=2`)).items.map((p) => p.id)).toEqual([power.id]);
    expect((await f.office.request('GET', `/api/v1/projects/${crypto.randomUUID()}/problems`)).statusCode).toBe(404);
  });

  it('are resolved by the owner unit (saying what was done), closed and reopened by the office', async () => {
    expect((await act(land.id, 'resolve', { text: '已协调', version: 0 }, f.reporter)).statusCode).toBe(403);
    expect(fieldsOf(await act(land.id, 'resolve', { version: 0 }))).toEqual([{ field: 'text', issue: 'required' }]);
    expect((await act(land.id, 'close', { version: 0 })).json().error).toMatchObject({ code: 'conflict', details: { reason: 'state', state: 'open' } });
    const before = await f.auditCount();
    const resolved = (await act(land.id, 'resolve', { text: '规建局已调整用地指标', version: 0 })).json();
    expect(resolved).toMatchObject({ state: 'resolved', resolution: '规建局已调整用地指标', overdue: false, version: 1 });
    expect((await act(power.id, 'resolve', { text: '供电公司已增容', version: 0 }, f.reporter)).json()).toMatchObject({ state: 'resolved' });
    expect((await act(land.id, 'close', { version: 1 }, f.reporter)).statusCode).toBe(403);
    expect((await act(land.id, 'resolve', { text: '再次', version: 1 })).statusCode).toBe(409);
    const closed = (await act(land.id, 'close', { text: '销号', version: 1 })).json();
    expect(closed).toMatchObject({ state: 'closed', resolution: '规建局已调整用地指标', version: 2 });
    expect((await f.office.request('GET', `/api/v1/projects/${own.id}`)).json().openProblems).toBe(1);
    expect((await act(land.id, 'close', { version: 2 })).statusCode).toBe(409);
    expect((await f.office.request('PATCH', `/api/v1/project-problems/${land.id}`, { description: '改', version: 2 })).json().error.details).toEqual({ reason: 'state', state: 'closed' });
    const reopened = (await act(land.id, 'reopen', { text: '指标仍未到位', version: 2 })).json();
    expect(reopened).toMatchObject({ state: 'open', resolution: null, overdue: true, version: 3 });
    expect((await act(land.id, 'reopen', { version: 3 })).statusCode).toBe(409);
    expect((await act(land.id, 'reopen', { version: 1 })).statusCode).toBe(409);
    expect(await f.auditCount()).toBe(before + 4);
    expect((await zoneList(`projectId=${own.id}`)).items.map((p) => p.state)).toEqual(['open', 'resolved']);
  });

  it('are corrected by the office or the project’s lead-unit staff under the version', async () => {
    const before = await f.auditCount();
    const moved = await f.reporter.request('PATCH', `/api/v1/project-problems/${land.id}`, { ownerUnitId: f.unitIds.ZSJ, deadline: null, version: 3 });
    expect(moved.json()).toMatchObject({ ownerUnitName: '招商和投资促进局', deadline: null, overdue: false, version: 4 });
    expect((await f.office.request('PATCH', `/api/v1/project-problems/${land.id}`, { description: '旧版本', version: 3 })).statusCode).toBe(409);
    const other = await otherZone(f.t);
    expect(fieldsOf(await f.office.request('PATCH', `/api/v1/project-problems/${land.id}`, { ownerUnitId: other.unitId, version: 4 }))).toEqual([{ field: 'ownerUnitId', issue: 'not_found' }]);
    const elsewhere = (await raise(others.id, { description: '道路红线', ownerUnitId: f.unitIds.JFJ })).json();
    expect((await f.reporter.request('PATCH', `/api/v1/project-problems/${elsewhere.id}`, { description: '越权', version: 0 })).statusCode).toBe(403);
    // Owned by JFJ, so JFJ staff resolve it even though GJJ leads the project.
    expect((await act(elsewhere.id, 'resolve', { text: '经发局已协调', version: 0 }, f.unitHead)).statusCode).toBe(200);
    expect(await f.auditCount()).toBe(before + 3);
  });
});
