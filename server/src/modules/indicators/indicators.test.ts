import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { auditEvent } from '../audit/audit.table.js';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { indicator } from './indicators.table.js';

let t: TestApp;
let office: Session;
let planId: string;
const item: Record<string, { id: string; version: number }> = {};
const ind: Record<string, string> = {};

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvent))[0]!.n;
const put = (code: string, period: string, body: object) => office.request('PUT', `/api/v1/indicators/${ind[code]}/values/${period}`, body);
async function addIndicator(itemKey: string, body: Record<string, unknown>) {
  const res = await office.request('POST', `/api/v1/items/${item[itemKey]!.id}/indicators`, { unitOfMeasure: '亿元', year: 2021, ...body });
  expect(res.statusCode, res.body).toBe(201);
  ind[body.code as string] = res.json().id;
  return res.json();
}
async function addItem(key: string, parent: string | null, extra: object = {}) {
  const res = await office.request('POST', `/api/v1/plans/${planId}/items`, { parentId: parent ? item[parent]!.id : null, title: key, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  item[key] = res.json();
}
const evaluations = async () =>
  Object.fromEntries(
    (await office.request('GET', `/api/v1/indicators?planId=${planId}`)).json().items.map((i: { code: string; evaluation: object }) => [i.code, i.evaluation]),
  );

beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  const p = await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '2021年目标', startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '任务'] });
  planId = p.json().id;
  await addItem('R', null);
  await addItem('X', 'R');
  await addItem('Y', 'R');
  await addItem('Z', 'R');
});
afterAll(() => t.close());

describe('indicators of all five kinds, as of the zone’s business date (2021-03-15: February is judged)', () => {
  it('creates one of each kind and records their values', async () => {
    await addIndicator('X', { code: 'INV', name: '完成固定资产投资', kind: 'amount', target: '50' });
    await addIndicator('X', { code: 'HT', name: '高新技术企业数', kind: 'level', unitOfMeasure: '家', baseline: '200', target: '260' });
    await addIndicator('X', { code: 'GDP', name: '地区生产总值增长', kind: 'growth', unitOfMeasure: '%', target: '7.5' });
    await addIndicator('X', { code: 'UNEMP', name: '城镇调查失业率', kind: 'limit', unitOfMeasure: '%', target: '5.5', limitMode: 'at_most' });
    await addIndicator('X', { code: 'URB', name: '城镇化率提高', kind: 'change', unitOfMeasure: '个百分点', baseline: '60', target: '1.3' });
    await addIndicator('Y', { code: 'SLOW', name: '新增孵化面积', kind: 'amount', unitOfMeasure: '万平方米', target: '120' });
    await addIndicator('Z', { code: 'SUM', name: '投资合计', kind: 'amount', target: '170', source: 'formula', formula: '[INV] + [SLOW]' });
    const values: [string, string, object][] = [
      ['INV', '2021-01', { value: '4.2' }],
      ['INV', '2021-02', { value: '4.3' }],
      ['HT', '2021-01', { value: '205' }],
      ['HT', '2021-02', { value: '210' }],
      ['GDP', '2021-01', { value: '8.1' }],
      ['GDP', '2021-02', { currentAmount: '107.9', lastYearAmount: '100' }],
      ['UNEMP', '2021-01', { value: '5.0' }],
      ['UNEMP', '2021-02', { value: '5.1' }],
      ['URB', '2021-01', { value: '60.11' }],
      ['URB', '2021-02', { value: '60.22' }],
      ['SLOW', '2021-01', { value: '2' }],
      ['SLOW', '2021-02', { value: '3' }],
    ];
    for (const [code, period, body] of values) expect((await put(code, period, body)).statusCode).toBe(200);
    const gdp = (await office.request('GET', `/api/v1/indicators/${ind.GDP}/values`)).json().items;
    expect(gdp[1]).toMatchObject({ period: '2021-02', value: '7.9', currentAmount: '107.9', lastYearAmount: '100' });
  });

  it('judges each indicator by the arithmetic, with a forecast', async () => {
    const ev = await evaluations();
    expect(ev.INV).toMatchObject({ month: 2, actual: '8.5', status: 'green', atRisk: false });
    expect(ev.INV.ratio).toBeCloseTo(1.02, 5);
    expect(Number(ev.INV.forecast)).toBeGreaterThan(50);
    expect(ev.HT).toMatchObject({ status: 'green', ratio: 1, actual: '210' });
    expect(ev.GDP).toMatchObject({ status: 'green', actual: '7.9' });
    expect(ev.GDP.gap).toBeCloseTo(0.4, 10);
    expect(ev.UNEMP).toMatchObject({ status: 'green', actual: '5.1' });
    expect(ev.URB).toMatchObject({ status: 'green' });
    expect(ev.SLOW).toMatchObject({ status: 'red', ratio: 0.25 });
    // The formula's months: 4.2 + 2 and 4.3 + 3 → 13.5 of an expected 28.33.
    expect(ev.SUM).toMatchObject({ status: 'red', actual: '13.5' });
    for (const code of Object.keys(ev)) expect(ev[code].forecast, code).not.toBeNull();
  });

  it('rolls progress up the tree and counts the red items below', async () => {
    const rows = (await office.request('GET', `/api/v1/plans/${planId}/items`)).json().items;
    const by = Object.fromEntries(rows.map((r: { title: string }) => [r.title, r]));
    expect(by.X).toMatchObject({ status: 'green', progress: 1, indicatorCount: 5, redBelow: 0 });
    expect(by.Y).toMatchObject({ status: 'red', progress: 0.25 });
    expect(by.R).toMatchObject({ status: 'red', redBelow: 2 });
    expect(by.R.progress).toBeCloseTo((1 + 0.25 + 13.5 / (170 / 6)) / 3, 6);
    const plan = (await office.request('GET', `/api/v1/plans/${planId}`)).json();
    expect(plan).toMatchObject({ planStatus: 'red', redCount: 3, itemCount: 4 });
    const red = (await office.request('GET', `/api/v1/plans/${planId}/items?status=red`)).json();
    expect(red.items.map((r: { title: string }) => r.title)).toEqual(['R', 'Y', 'Z']);
  });

  it('charts an indicator month by month: time-phased target, cumulative actual, value and forecast line', async () => {
    const { months } = (await office.request('GET', `/api/v1/indicators/${ind.INV}/series`)).json();
    const forecast = (await evaluations()).INV.forecast;
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ period: '2021-01', expected: '4.1667', actual: '4.2', value: '4.2', forecast: null });
    expect(months[1]).toMatchObject({ period: '2021-02', expected: '8.3333', actual: '8.5', value: '4.3', forecast: '8.5' });
    expect(months[2]).toMatchObject({ actual: null, value: null });
    expect(months[11]).toMatchObject({ expected: '50', forecast });
    const sum = (await office.request('GET', `/api/v1/indicators/${ind.SUM}/series`)).json().months;
    expect(sum.slice(0, 3).map((m: { value: string | null }) => m.value)).toEqual(['6.2', '7.3', null]);
  });
});

describe('values', () => {
  it('audits each change with before and after, and refuses a stale version with 409', async () => {
    const first = (await office.request('GET', `/api/v1/indicators/${ind.INV}/values`)).json().items[0];
    expect(first).toMatchObject({ period: '2021-01', version: 0 });
    const noVersion = await put('INV', '2021-01', { value: '4.4' });
    expect(noVersion.statusCode).toBe(409);
    const ok = await put('INV', '2021-01', { value: '4.4', note: '更正', version: 0 });
    expect(ok.json()).toMatchObject({ value: '4.4', version: 1, note: '更正' });
    const stale = await put('INV', '2021-01', { value: '4.5', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [event] = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'indicator_value.put'), eq(auditEvent.objectId, first.id)))
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(event!.summary).toMatchObject({ period: '2021-01', before: { value: '4.2', note: null }, after: { value: '4.4', note: '更正' } });
    const history = (await office.request('GET', `/api/v1/items/${item.X!.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'indicator_value.put', objectId: first.id });
  });

  it('refuses values of a formula, out of the indicator’s years, or half-given growth amounts', async () => {
    const formula = await put('SUM', '2021-03', { value: '1' });
    expect(formula.statusCode).toBe(400);
    expect(formula.json().error.details.fields).toEqual([{ field: 'value', issue: 'computed_source' }]);
    const years = await put('INV', '2019-12', { value: '1' });
    expect(years.json().error.details.fields).toEqual([{ field: 'period', issue: 'out_of_range', limit: '2020–2021' }]);
    expect((await put('INV', '2020-12', { value: '3' })).statusCode).toBe(200);
    expect((await put('GDP', '2021-03', { currentAmount: '110' })).json().error.details.fields).toEqual([{ field: 'lastYearAmount', issue: 'required' }]);
    expect((await put('INV', '2021-03', { currentAmount: '1', lastYearAmount: '1' })).json().error.details.fields[0]).toMatchObject({ field: 'currentAmount', issue: 'growth_only' });
    expect((await put('INV', '2021-03', {})).json().error.details.fields).toEqual([{ field: 'value', issue: 'required' }]);
    expect((await put('INV', '2021-13', { value: '1' })).statusCode).toBe(400);
  });

  it('deletes a value, audited', async () => {
    const before = await auditCount();
    expect((await office.request('DELETE', `/api/v1/indicators/${ind.INV}/values/2020-12`)).statusCode).toBe(200);
    expect((await office.request('DELETE', `/api/v1/indicators/${ind.INV}/values/2020-12`)).statusCode).toBe(404);
    expect(await auditCount()).toBe(before + 1);
  });
});

describe('indicator validation', () => {
  const create = (body: Record<string, unknown>) => office.request('POST', `/api/v1/items/${item.Z!.id}/indicators`, { name: '指标', unitOfMeasure: '个', year: 2021, target: '1', kind: 'amount', ...body });
  const fields = async (res: Awaited<ReturnType<typeof create>>) => {
    expect(res.statusCode, res.body).toBe(400);
    return res.json().error.details.fields;
  };

  it('refuses a bad formula with the field and position, and saves nothing', async () => {
    const before = await auditCount();
    expect(await fields(await create({ code: 'BAD', source: 'formula', formula: '[INV] +' }))).toEqual([{ field: 'formula', issue: 'syntax', limit: 7 }]);
    expect(await fields(await create({ code: 'BAD', formula: '[NOPE] * 2' }))).toEqual([{ field: 'formula', issue: 'unknown_reference', limit: 'NOPE' }]);
    expect(await fields(await create({ code: 'BAD', formula: '[BAD] + 1' }))).toEqual([{ field: 'formula', issue: 'cycle' }]);
    expect(await fields(await create({ code: 'BAD', source: 'formula' }))).toEqual([{ field: 'formula', issue: 'required' }]);
    expect(await fields(await create({ code: 'BAD', source: 'reported', formula: '1' }))).toEqual([{ field: 'formula', issue: 'not_allowed' }]);
    expect(await t.database.db.select().from(indicator).where(eq(indicator.code, 'BAD'))).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a formula cycle through other indicators', async () => {
    const f1 = (await create({ code: 'F1', formula: '[INV] * 2' })).json();
    expect((await create({ code: 'F2', formula: '[F1] + 1' })).statusCode).toBe(201);
    const cycle = await office.request('PATCH', `/api/v1/indicators/${f1.id}`, { version: f1.version, formula: '[F2] - 1' });
    expect(cycle.json().error.details.fields).toEqual([{ field: 'formula', issue: 'cycle' }]);
    const rename = await office.request('PATCH', `/api/v1/indicators/${f1.id}`, { version: f1.version, code: 'F1X' });
    expect(rename.json().error.details.fields).toEqual([{ field: 'code', issue: 'referenced' }]);
    const del = await office.request('DELETE', `/api/v1/indicators/${ind.INV}`);
    expect(del.json().error).toMatchObject({ code: 'conflict', details: { reason: 'referenced_by_formula', codes: expect.arrayContaining(['SUM', 'F1']) } });
  });

  it('checks limits, bands, baselines, codes and units', async () => {
    expect(await fields(await create({ code: 'L1', kind: 'limit' }))).toEqual([{ field: 'limitMode', issue: 'required' }]);
    expect(await fields(await create({ code: 'L2', kind: 'limit', limitMode: 'about', bandLow: '3.5', bandHigh: '2.5' }))).toEqual([{ field: 'bandHigh', issue: 'below_low', limit: '3.5' }]);
    expect(await fields(await create({ code: 'L3', kind: 'limit', limitMode: 'about' }))).toEqual([
      { field: 'bandLow', issue: 'required' },
      { field: 'bandHigh', issue: 'required' },
    ]);
    expect(await fields(await create({ code: 'LV', kind: 'level' }))).toEqual([{ field: 'baseline', issue: 'required' }]);
    expect(await fields(await create({ code: 'CH', kind: 'change' }))).toEqual([{ field: 'baseline', issue: 'required' }]);
    expect(await fields(await create({ code: 'INV' }))).toEqual([{ field: 'code', issue: 'taken' }]);
    expect(await fields(await create({ code: 'U1', reportingUnitId: '00000000-0000-4000-8000-000000000000' }))).toEqual([{ field: 'reportingUnitId', issue: 'not_found' }]);
    expect(await fields(await create({ code: 'bad code!' }))).toEqual([{ field: 'code', issue: 'invalid_format' }]);
    const cpi = await create({ code: 'CPI', kind: 'limit', limitMode: 'about', target: '3', bandLow: '2.5', bandHigh: '3.5', unitOfMeasure: '%' });
    expect(cpi.statusCode).toBe(201);
  });

  it('updates and deletes an indicator with its values, audited with the item', async () => {
    const got = (await office.request('GET', `/api/v1/indicators/${ind.SLOW}`)).json();
    const upd = await office.request('PATCH', `/api/v1/indicators/${ind.SLOW}`, { version: got.version, target: '30' });
    expect(upd.json()).toMatchObject({ target: '30', version: got.version + 1, evaluation: { status: 'green' } });
    expect((await office.request('PATCH', `/api/v1/indicators/${ind.SLOW}`, { version: got.version, target: '31' })).statusCode).toBe(409);
    await office.request('DELETE', `/api/v1/indicators/${(await office.request('GET', `/api/v1/items/${item.Z!.id}/indicators`)).json().items.find((i: { code: string }) => i.code === 'F2').id}`);
    const history = (await office.request('GET', `/api/v1/items/${item.Z!.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'indicator.delete', summary: { before: { code: 'F2' } } });
  });

  it('lets the reporter read but not write, and refuses administrators', async () => {
    const reporter = await login(t.app, 'reporter');
    expect((await reporter.request('GET', `/api/v1/indicators/${ind.HT}`)).statusCode).toBe(200);
    expect((await reporter.request('GET', `/api/v1/indicators/${ind.HT}/series`)).statusCode).toBe(200);
    expect((await reporter.request('PUT', `/api/v1/indicators/${ind.HT}/values/2021-03`, { value: '1' })).statusCode).toBe(403);
    expect((await reporter.request('POST', `/api/v1/items/${item.X!.id}/indicators`, {})).statusCode).toBe(403);
    const sysadmin = await login(t.app, 'sysadmin');
    expect((await sysadmin.request('GET', `/api/v1/indicators/${ind.HT}`)).statusCode).toBe(403);
  });

  it('answers 404 for the indicators of an item that is not in the zone', async () => {
    expect((await office.request('GET', `/api/v1/items/${item.X!.id}/indicators`)).json().total).toBeGreaterThan(0);
    const res = await office.request('GET', `/api/v1/items/${crypto.randomUUID()}/indicators`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
