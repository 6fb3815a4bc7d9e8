import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { indicator, indicatorValue } from '../indicators/indicators.table.js';
import { MAX_ROWS } from './exchange.read.js';
import { upload, workbook } from './exchange.test-helpers.js';

/** A values import writes its months in bulk and records one event; the item history still shows them. */

let t: TestApp;
let office: Session;
let planId: string;
const ids: Record<string, { id: string; itemId: string }> = {};
beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  planId = (await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '月度数据导入', startYear: 2021, endYear: 2021, levelLabels: ['任务'] })).json().id;
  const items = await workbook({
    事项: [['编码', '标题'], ['1', '投资'], ['2', '产出']],
    指标: [
      ['事项编码', '指标编码', '名称', '类型', '计量单位', '目标值', '来源', '公式'],
      ['1', 'V-A', '投资额', '总量', '亿元', 10],
      ['1', 'V-G', '投资增速', '增速', '%', 5],
      ['2', 'V-B', '产值', '总量', '亿元', 10],
      ['2', 'V-F', '合计', '总量', '亿元', 20, '公式', '[V-A] + [V-B]'],
    ],
  });
  const res = await upload(office, planId, 'items', items);
  expect(res.statusCode, res.body).toBe(200);
  for (const r of await t.database.db.select({ id: indicator.id, code: indicator.code, itemId: indicator.itemId }).from(indicator).where(inArray(indicator.code, ['V-A', 'V-G', 'V-B', 'V-F']))) ids[r.code] = r;
});
afterAll(() => t.close());

const HEAD = ['指标编码', '期间', '数值', '本期累计额', '上年同期累计额', '备注'];
const auditCount = async (action: string) => (await t.database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, action)))[0]!.n;
const lastImport = async () => (await t.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'indicator_value.import')).orderBy(desc(auditEvent.id)).limit(1))[0]!;
const stored = async (code: string, period: string) =>
  (await t.database.db.select().from(indicatorValue).where(and(eq(indicatorValue.indicatorId, ids[code]!.id), eq(indicatorValue.period, period))))[0];
const history = async (code: string) =>
  (await office.request('GET', `/api/v1/items/${ids[code]!.itemId}/history`)).json().items as { action: string; objectId: string; summary: Record<string, unknown> }[];

describe('exchange: values imported in bulk', () => {
  it('writes every month at once and records one indicator_value.import event with the file, its hash, the counts and each change', async () => {
    const before = { puts: await auditCount('indicator_value.put'), imports: await auditCount('plan.import') };
    const file = await workbook({ 月度数据: [HEAD, ['V-A', '2021-01', 4], ['V-A', '2021-02', 5, null, null, '春节'], ['V-G', '2021-01', null, 110, 100], ['V-B', '2021-01', 7]] });
    const res = await upload(office, planId, 'values', file, {}, '一月.xlsx');
    expect(res.json(), res.body).toEqual({ ok: true, created: { items: 0, indicators: 0, values: 4 }, updated: { items: 0, indicators: 0, values: 0 }, unchanged: 0, skipped: 0 });
    expect({ puts: await auditCount('indicator_value.put'), imports: await auditCount('plan.import') }).toEqual(before);
    const e = await lastImport();
    expect(e).toMatchObject({ objectType: 'plan', objectId: planId });
    expect(e.summary).toEqual({
      kind: 'values',
      file: '一月.xlsx',
      sha256: createHash('sha256').update(file).digest('hex'),
      rows: 4,
      created: 4,
      changed: 0,
      unchanged: 0,
      skipped: 0,
      items: [ids['V-A']!.itemId, ids['V-B']!.itemId],
      indicators: [
        { itemId: ids['V-A']!.itemId, indicatorId: ids['V-A']!.id, code: 'V-A', periods: ['2021-01', '2021-02'], before: [null, null], after: ['4', { value: '5', note: '春节' }] },
        { itemId: ids['V-G']!.itemId, indicatorId: ids['V-G']!.id, code: 'V-G', periods: ['2021-01'], before: [null], after: [{ value: '10', currentAmount: '110', lastYearAmount: '100' }] },
        { itemId: ids['V-B']!.itemId, indicatorId: ids['V-B']!.id, code: 'V-B', periods: ['2021-01'], before: [null], after: ['7'] },
      ],
    });
    expect(await stored('V-G', '2021-01')).toMatchObject({ value: '10', currentAmount: '110', lastYearAmount: '100', version: 0, reviewState: 'accepted' });
  });

  it('leaves unchanged months alone and bumps the version of a changed one, keeping its note when the cell is blank', async () => {
    const file = await workbook({ 月度数据: [HEAD, ['V-A', '2021-01', '4.0'], ['V-A', '2021-02', 6], ['V-B', '2021-01', 7]] });
    const res = await upload(office, planId, 'values', file);
    expect(res.json(), res.body).toMatchObject({ created: { values: 0 }, updated: { values: 1 }, unchanged: 2 });
    expect(await stored('V-A', '2021-01')).toMatchObject({ value: '4', version: 0 });
    expect(await stored('V-A', '2021-02')).toMatchObject({ value: '6', note: '春节', version: 1 });
    expect((await lastImport()).summary).toMatchObject({ created: 0, changed: 1, unchanged: 2, items: [ids['V-A']!.itemId], indicators: [{ code: 'V-A', periods: ['2021-02'], before: [{ value: '5', note: '春节' }], after: [{ value: '6', note: '春节' }] }] });
    // An edit after the import goes on from the imported version.
    const put = await office.request('PUT', `/api/v1/indicators/${ids['V-A']!.id}/values/2021-02`, { value: '6.5', version: 1 });
    expect(put.json(), put.body).toMatchObject({ value: '6.5', version: 2 });
  });

  it("shows the imports in the item's history, narrowed to that item's indicators", async () => {
    const first = await history('V-A');
    expect(first.map((e) => e.action)).toEqual(['indicator_value.put', 'indicator_value.import', 'indicator_value.import', 'indicator.create', 'indicator.create', 'plan_item.create']);
    expect(first[1]!.summary).toMatchObject({ indicators: [{ code: 'V-A', periods: ['2021-02'], before: [{ value: '5' }], after: [{ value: '6' }] }] });
    expect((first[2]!.summary.indicators as { code: string }[]).map((i) => i.code)).toEqual(['V-A', 'V-G']);
    expect(first[2]!.summary).not.toHaveProperty('items');
    const second = await history('V-B');
    expect(second.filter((e) => e.action === 'indicator_value.import').map((e) => (e.summary.indicators as { code: string }[]).map((i) => i.code))).toEqual([['V-B']]);
  });

  it('refuses a computed indicator and a bad cell with their rows, and writes nothing', async () => {
    const before = { imports: await auditCount('indicator_value.import'), value: await stored('V-B', '2021-02') };
    const file = await workbook({ 月度数据: [HEAD, ['V-B', '2021-02', 8], ['V-F', '2021-01', 3], ['V-A', '2021-03', '三'], ['V-A', '2021-04', 1, 5, 4]] });
    const res = await upload(office, planId, 'values', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors.map((e: { row: number; column: string; issue: string }) => `${e.column}${e.row} ${e.issue}`)).toEqual(['A3 computed_source', 'C4 not_a_number', 'D5 growth_only']);
    expect({ imports: await auditCount('indicator_value.import'), value: await stored('V-B', '2021-02') }).toEqual(before);
  });

  it(`reads ${MAX_ROWS.toLocaleString('en-US')} rows of a sheet and refuses one more with too_many_rows`, async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => stream.on('end', resolve));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('月度数据');
    ws.addRow(HEAD).commit();
    for (let i = 0; i <= MAX_ROWS; i++) ws.addRow(['V-A', '2021-01', i]).commit();
    await ws.commit();
    await wb.commit();
    await done;
    const res = await upload(office, planId, 'values', Buffer.concat(chunks));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([expect.objectContaining({ sheet: '月度数据', issue: 'too_many_rows' })]);
  }, 120_000);
});
