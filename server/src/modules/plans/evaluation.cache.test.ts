import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { zone } from '../zones/zones.table.js';

/** Plan pages are answered from a held evaluation until the data changes: every change must show at once. */

let t: TestApp;
let office: Session;
let planId: string;
let itemId: string;
let indicatorId: string;

const row = async () => {
  const res = await office.request('GET', `/api/v1/plans/${planId}/items?pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string; status: string; progress: number | null; title: string }[] }>().items.find((i) => i.id === itemId)!;
};

beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  planId = (await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '缓存验证计划', startYear: 2021, endYear: 2021, levelLabels: ['任务'] })).json().id;
  itemId = (await office.request('POST', `/api/v1/plans/${planId}/items`, { parentId: null, title: '主营业务收入' })).json().id;
  const ind = await office.request('POST', `/api/v1/items/${itemId}/indicators`, { code: 'CACHE-1', name: '主营业务收入', kind: 'amount', unitOfMeasure: '亿元', year: 2021, baseline: '0', target: '120' });
  expect(ind.statusCode, ind.body).toBe(201);
  indicatorId = ind.json().id;
});
afterAll(() => t.close());

describe('a plan page after a change', () => {
  it('shows a value entered after the page was read', async () => {
    expect((await row()).status).toBe('nodata');
    // As of 2021-03-15 February is judged: 11 of the 20 expected by then.
    expect((await office.request('PUT', `/api/v1/indicators/${indicatorId}/values/2021-01`, { value: '10' })).statusCode).toBe(200);
    expect((await row()).status).toBe('nodata');
    expect((await office.request('PUT', `/api/v1/indicators/${indicatorId}/values/2021-02`, { value: '1' })).statusCode).toBe(200);
    const after = await row();
    expect(after.status).toBe('red');
    expect(after.progress).toBeGreaterThan(0);
  });

  it('shows an edited item and a changed target at once', async () => {
    const before = await row();
    const item = (await office.request('GET', `/api/v1/items/${itemId}`)).json<{ version: number }>();
    expect((await office.request('PATCH', `/api/v1/items/${itemId}`, { title: '主营业务收入（修订）', version: item.version })).statusCode).toBe(200);
    expect((await row()).title).toBe('主营业务收入（修订）');
    const ind = (await office.request('GET', `/api/v1/indicators/${indicatorId}`)).json<{ version: number }>();
    expect((await office.request('PATCH', `/api/v1/indicators/${indicatorId}`, { target: '12', version: ind.version })).statusCode).toBe(200);
    const after = await row();
    expect(after.progress).toBeGreaterThan(before.progress!);
    expect(after.status).toBe('green');
  });

  it('judges again when the business date moves', async () => {
    const before = await row();
    expect(before.status).toBe('green');
    // A month later March is judged, and March has no value yet.
    await t.database.db.update(zone).set({ asOfDate: '2021-04-15' });
    expect((await row()).status).toBe('nodata');
  });
});
