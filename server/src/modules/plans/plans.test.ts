import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvent } from '../audit/audit.table.js';
import { zone } from '../zones/zones.table.js';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { plan, planItem } from './plans.table.js';

let t: TestApp;
let office: Session;
beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

interface Item { progress: number | null; id: string; parentId: string | null; position: number; code: string; title: string; version: number; depth: number; levelLabel: string; alignedItemIds: string[] }
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvent))[0]!.n;

async function newPlan(kind: 'annual' | 'strategic' = 'annual', title = '2021年度工作计划'): Promise<string> {
  const body = kind === 'annual' ? { kind, title, startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '举措', '任务'] } : { kind, title, startYear: 2021, endYear: 2035, levelLabels: ['定位', '聚焦', '举措'] };
  const res = await office.request('POST', '/api/v1/plans', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
async function addItem(planId: string, parentId: string | null, title: string, extra: object = {}): Promise<Item> {
  const res = await office.request('POST', `/api/v1/plans/${planId}/items`, { parentId, title, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const items = async (planId: string): Promise<Item[]> => (await office.request('GET', `/api/v1/plans/${planId}/items`)).json().items;
const codes = async (planId: string) => Object.fromEntries((await items(planId)).map((i) => [i.title, i.code]));
const item = async (id: string): Promise<Item> => (await office.request('GET', `/api/v1/items/${id}`)).json();

/** Every code is its parent's code plus its 1-based position; positions are 0..n−1 among siblings. */
function expectConsistent(all: Item[]) {
  const byId = new Map(all.map((i) => [i.id, i]));
  for (const i of all) {
    const parent = i.parentId ? byId.get(i.parentId)! : null;
    expect(i.code).toBe(parent ? `${parent.code}.${i.position + 1}` : String(i.position + 1));
    const siblings = all.filter((s) => s.parentId === i.parentId).map((s) => s.position).sort((a, b) => a - b);
    expect(siblings).toEqual(siblings.map((_, k) => k));
  }
}

describe('plans and their item tree', () => {
  let planId: string;
  const ids: Record<string, string> = {};

  it('creates a plan and items three levels deep, coded by position, with level labels', async () => {
    planId = await newPlan();
    for (const [title, parent] of [['A', null], ['B', null], ['A1', 'A'], ['A2', 'A'], ['A3', 'A'], ['A1a', 'A1'], ['A1b', 'A1'], ['B1', 'B']] as const) {
      ids[title] = (await addItem(planId, parent ? ids[parent]! : null, title)).id;
    }
    const all = await items(planId);
    expect(all.map((i) => i.code)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '1.3', '2', '2.1']);
    expect(all.find((i) => i.title === 'A1a')).toMatchObject({ depth: 3, levelLabel: '任务' });
    expect(all.find((i) => i.title === 'A1')).toMatchObject({ depth: 2, levelLabel: '举措' });
    const p = (await office.request('GET', `/api/v1/plans/${planId}`)).json();
    expect(p).toMatchObject({ itemCount: 8, planStatus: 'nodata', progress: null, redCount: 0 });
    expectConsistent(all);
  });

  it('moves an item between parents: old siblings close the gap, descendants follow', async () => {
    const a1 = await item(ids.A1!);
    const res = await office.request('POST', `/api/v1/items/${ids.A1}/move`, { version: a1.version, parentId: ids.B, position: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: '2.1', parentId: ids.B, version: a1.version + 1 });
    expect(await codes(planId)).toEqual({ A: '1', A2: '1.1', A3: '1.2', B: '2', A1: '2.1', A1a: '2.1.1', A1b: '2.1.2', B1: '2.2' });
    expectConsistent(await items(planId));
  });

  it('moves within the same parent and to the top level, keeping every code consistent', async () => {
    const a3 = await item(ids.A3!);
    expect((await office.request('POST', `/api/v1/items/${ids.A3}/move`, { version: a3.version, parentId: ids.A, position: 0 })).statusCode).toBe(200);
    expect(await codes(planId)).toMatchObject({ A3: '1.1', A2: '1.2' });
    const a1 = await item(ids.A1!);
    expect((await office.request('POST', `/api/v1/items/${ids.A1}/move`, { version: a1.version, parentId: null, position: 0 })).statusCode).toBe(200);
    expect(await codes(planId)).toEqual({ A1: '1', A1a: '1.1', A1b: '1.2', A: '2', A3: '2.1', A2: '2.2', B: '3', B1: '3.1' });
    const b1 = await item(ids.B1!);
    expect((await office.request('POST', `/api/v1/items/${ids.B1}/move`, { version: b1.version, parentId: ids.A1b, position: 99 })).statusCode).toBe(200);
    expect(await codes(planId)).toMatchObject({ B1: '1.2.1', B: '3' });
    expectConsistent(await items(planId));
  });

  it('refuses a cycle (400 on parentId), a parent from another plan, and a stale version', async () => {
    const a1 = await item(ids.A1!);
    for (const parentId of [ids.A1, ids.A1a, ids.B1]) {
      const res = await office.request('POST', `/api/v1/items/${ids.A1}/move`, { version: a1.version, parentId, position: 0 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([{ field: 'parentId', issue: 'cycle' }]);
    }
    const other = await addItem(await newPlan('annual', '另一计划'), null, 'X');
    const foreign = await office.request('POST', `/api/v1/items/${ids.A1}/move`, { version: a1.version, parentId: other.id, position: 0 });
    expect(foreign.json().error.details.fields).toEqual([{ field: 'parentId', issue: 'not_found' }]);
    const stale = await office.request('POST', `/api/v1/items/${ids.A1}/move`, { version: a1.version - 1, parentId: null, position: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('deletes only leaves; later siblings move up', async () => {
    const refused = await office.request('DELETE', `/api/v1/items/${ids.A}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'item_has_children' });
    expect((await office.request('DELETE', `/api/v1/items/${ids.A3}`)).statusCode).toBe(200);
    expect(await codes(planId)).toMatchObject({ A2: '2.1' });
    expectConsistent(await items(planId));
  });

  it('records each change once and shows the item’s history newest first', async () => {
    const res = await office.request('GET', `/api/v1/items/${ids.A1}/history`);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['plan_item.move', 'plan_item.move', 'plan_item.create']);
    expect(res.json().items[1].summary).toMatchObject({ before: { code: '1.1' }, after: { code: '2.1' } });
  });

  it('filters the tree by focus area, status and text', async () => {
    const focus = (await office.request('GET', `/api/v1/plans/${planId}/items?focusId=${ids.A1}`)).json();
    expect(focus.items.map((i: Item) => i.title)).toEqual(['A1', 'A1a', 'A1b', 'B1']);
    const text = (await office.request('GET', `/api/v1/plans/${planId}/items?q=a1b`)).json();
    expect(text.total).toBe(1);
    const paged = (await office.request('GET', `/api/v1/plans/${planId}/items?page=2&pageSize=3`)).json();
    expect(paged).toMatchObject({ total: 7 });
    expect(paged.items).toHaveLength(3);
  });
});

describe('item fields and alignments', () => {
  it('aligns annual items only to items of a strategic plan', async () => {
    const strategic = await newPlan('strategic', '2021—2035年发展规划');
    const s1 = await addItem(strategic, null, '创新驱动');
    const annual = await newPlan('annual', '2021年计划（对齐）');
    const a = await addItem(annual, null, '年度任务', { alignedItemIds: [s1.id] });
    expect(a.alignedItemIds).toEqual([s1.id]);
    const b = await addItem(annual, null, '另一任务');
    const wrong = await office.request('PATCH', `/api/v1/items/${b.id}`, { version: b.version, alignedItemIds: [a.id] });
    expect(wrong.json().error.details.fields).toEqual([{ field: 'alignedItemIds', issue: 'not_strategic' }]);
    const fromStrategic = await office.request('POST', `/api/v1/plans/${strategic}/items`, { parentId: null, title: 'x', alignedItemIds: [s1.id] });
    expect(fromStrategic.json().error.details.fields).toEqual([{ field: 'alignedItemIds', issue: 'not_annual' }]);
    const aligned = await office.request('DELETE', `/api/v1/items/${s1.id}`);
    expect(aligned.json().error).toMatchObject({ code: 'conflict', details: { reason: 'item_has_aligned_items' } });
  });

  it('names bad fields and saves nothing', async () => {
    const before = await auditCount();
    const years = await office.request('POST', '/api/v1/plans', { kind: 'annual', title: 'x', startYear: 2022, endYear: 2021, levelLabels: ['任务'] });
    expect(years.statusCode).toBe(400);
    expect(years.json().error.details.fields).toEqual([{ field: 'endYear', issue: 'before_start', limit: 2022 }]);
    const planId = await newPlan('annual', '字段校验');
    const afterPlan = await auditCount();
    const bad = await office.request('POST', `/api/v1/plans/${planId}/items`, {
      parentId: null,
      title: '任务',
      leadUnitId: '00000000-0000-4000-8000-000000000000',
      manualProgress: '150',
      startDate: '2021-06-01',
      dueDate: '2021-05-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['leadUnitId', 'manualProgress', 'dueDate']);
    const unknown = await office.request('POST', `/api/v1/plans/${planId}/items`, { parentId: null, title: '任务', colour: 'red' });
    expect(unknown.json().error.details.fields).toEqual([{ field: 'colour', issue: 'unknown_field' }]);
    expect(await auditCount()).toBe(before + 1);
    expect(afterPlan).toBe(before + 1);
    expect(await items(planId)).toEqual([]);
  });

  it('keeps a manual progress and rolls it up', async () => {
    const planId = await newPlan('annual', '手工进度');
    const top = await addItem(planId, null, '上级');
    await addItem(planId, top.id, '手工', { progressMethod: 'manual', manualProgress: '80', weight: '3' });
    await addItem(planId, top.id, '完成', { progressMethod: 'manual', manualProgress: '100', weight: '1' });
    const got = await item(top.id);
    // (3 × 0.8 + 1 × 1.0) / 4 = 0.85: yellow; the 80 % item itself is below 0.85, so red.
    expect(got.progress).toBeCloseTo(0.85, 10);
    expect(got).toMatchObject({ status: 'yellow', redBelow: 1 });
  });
});

describe('who may see and change plans', () => {
  it('lets business roles read, only the office write; enterprise users and administrators are refused', async () => {
    const planId = await newPlan('annual', '权限');
    const reporter = await login(t.app, 'reporter');
    expect((await reporter.request('GET', `/api/v1/plans/${planId}`)).statusCode).toBe(200);
    expect((await reporter.request('GET', `/api/v1/plans/${planId}/items`)).statusCode).toBe(200);
    expect((await reporter.request('POST', `/api/v1/plans/${planId}/items`, { parentId: null, title: 'x' })).statusCode).toBe(403);
    expect((await reporter.request('PATCH', `/api/v1/plans/${planId}`, { version: 0, title: 'x' })).statusCode).toBe(403);
    for (const role of ['sysadmin', 'enterprise']) {
      expect((await (await login(t.app, role)).request('GET', '/api/v1/plans')).statusCode).toBe(403);
    }
  });

  it('answers 404 for another zone’s plan and items', async () => {
    const db = t.database.db;
    const [z] = await db.insert(zone).values({ code: 'other-zone', name: '别的开发区', asOfDate: '2021-03-15' }).returning();
    const [p] = await db.insert(plan).values({ zoneId: z!.id, kind: 'annual', title: '外区计划', startYear: 2021, endYear: 2021, levelLabels: ['任务'] }).returning();
    const [i] = await db.insert(planItem).values({ zoneId: z!.id, planId: p!.id, position: 0, code: '1', title: '外区任务' }).returning();
    expect((await office.request('GET', `/api/v1/plans/${p!.id}`)).statusCode).toBe(404);
    expect((await office.request('GET', `/api/v1/items/${i!.id}`)).statusCode).toBe(404);
    expect((await office.request('PATCH', `/api/v1/items/${i!.id}`, { version: 0, title: 'x' })).statusCode).toBe(404);
    expect((await office.request('GET', '/api/v1/plans')).json().items.map((x: { id: string }) => x.id)).not.toContain(p!.id);
    expect((await db.select().from(planItem).where(eq(planItem.id, i!.id)))[0]!.title).toBe('外区任务');
  });
});
