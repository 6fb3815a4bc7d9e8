import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { planItem } from '../plans/plans.table.js';
import fc from 'fast-check';
import { fillSheet, headers, loadXlsx, toBuffer, upload, workbook, zipOf } from './exchange.test-helpers.js';
import { MAX_UNPACKED } from './exchange.zip.js';
import { MAX_UPLOAD } from './exchange.routes.js';

let t: TestApp;
let office: Session;
let planId: string;
beforeAll(async () => {
  t = await testApp();
  office = await login(t.app, 'office');
  const res = await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '2021年工作计划', startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '举措', '任务'] });
  planId = res.json().id;
});
afterAll(() => t.close());

const items = async () => (await office.request('GET', `/api/v1/plans/${planId}/items`)).json().items as { code: string; title: string; leadUnitName: string | null; coUnitIds: string[]; status: string; id: string }[];
const indicators = async () => (await office.request('GET', `/api/v1/indicators?planId=${planId}`)).json().items as { code: string; itemCode: string; evaluation: { status: string; actual: string | null } }[];
const auditCount = async (action: string) => (await t.database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, action)))[0]!.n;

describe('exchange: template → import → export', () => {
  it('fills the items template with 3 items and 2 indicators, imports them into the tree, and exports them with statuses', async () => {
    const tpl = await office.request('GET', `/api/v1/plans/${planId}/template?kind=items`);
    expect(tpl.statusCode, tpl.body).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = await loadXlsx(tpl.rawPayload);
    expect(wb.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name)).toEqual(['事项', '指标', '说明']);
    expect(headers(wb.getWorksheet('事项')!)).toEqual(['编码', '标题', '牵头单位', '协办单位', '权重', '开始日期', '截止日期', '进度方式', '公开']);
    expect(headers(wb.getWorksheet('指标')!)).toContain('目标值');

    fillSheet(wb, '事项', [
      ['1', '聚焦主导产业', 'JFJ', '招商局; 科技创新局', 2, new Date(Date.UTC(2021, 0, 1)), new Date(Date.UTC(2021, 11, 31)), '按下级', '是'],
      ['1.1', '完成固定资产投资', '经济发展局', null, 1, null, '2021-12-31', '按指标', '否'],
      ['2', '优化营商环境', '企业服务中心'],
    ]);
    fillSheet(wb, '指标', [
      ['1.1', 'XT-INV', '固定资产投资', '总量', null, '亿元', null, null, 50],
      ['1.1', 'XT-EMP', '新增就业', 'amount', null, '人', 2021, null, '4000'],
    ]);
    const res = await upload(office, planId, 'items', await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, created: { items: 3, indicators: 2, values: 0 }, updated: { items: 0, indicators: 0, values: 0 }, unchanged: 0, skipped: 0 });

    const list = await items();
    expect(list.map((i) => [i.code, i.title, i.leadUnitName])).toEqual([
      ['1', '聚焦主导产业', '经济发展局'],
      ['1.1', '完成固定资产投资', '经济发展局'],
      ['2', '优化营商环境', '企业服务中心'],
    ]);
    expect(list[0]!.coUnitIds).toHaveLength(2);
    expect((await indicators()).map((i) => [i.itemCode, i.code])).toEqual([['1.1', 'XT-INV'], ['1.1', 'XT-EMP']]);
    expect(await auditCount('plan.import')).toBe(1);
    expect(await auditCount('plan_item.create')).toBe(3);

    const exp = await office.request('GET', `/api/v1/plans/${planId}/export`);
    expect(exp.statusCode, exp.body).toBe(200);
    const out = await loadXlsx(exp.rawPayload);
    expect(out.worksheets.map((w) => w.name)).toEqual(['计划事项', '指标', '月度数据']);
    const sheet = out.getWorksheet('计划事项')!;
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['1', '聚焦', '聚焦主导产业', '经济发展局', '未报']));
    expect(sheet.getRow(3).outlineLevel).toBe(1);
    expect(sheet.getRow(3).getCell(9).value).toEqual(new Date(Date.UTC(2021, 11, 31)));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ind = out.getWorksheet('指标')!;
    expect([ind.getRow(2).getCell(2).value, ind.getRow(2).getCell(7).value, ind.getRow(2).getCell(11).value]).toEqual(['XT-INV', 50, '未报']);
    expect(await auditCount('plan.export')).toBe(1);
  });

  it('re-imports its own template without changing anything, and updates what was edited', async () => {
    const wb = await loadXlsx((await office.request('GET', `/api/v1/plans/${planId}/template?kind=items`)).rawPayload);
    const before = await auditCount('plan_item.update');
    const same = await upload(office, planId, 'items', await toBuffer(wb));
    expect(same.json(), same.body).toMatchObject({ ok: true, created: { items: 0, indicators: 0 }, updated: { items: 0, indicators: 0 }, unchanged: 5 });
    wb.getWorksheet('事项')!.getCell('B4').value = '持续优化营商环境';
    fillSheet(wb, '事项', [['3', '新增事项']], true);
    const edited = await upload(office, planId, 'items', await toBuffer(wb));
    expect(edited.json()).toMatchObject({ created: { items: 1 }, updated: { items: 1 }, unchanged: 4 });
    expect((await items()).find((i) => i.code === '2')!.title).toBe('持续优化营商环境');
    expect(await auditCount('plan_item.update')).toBe(before + 1);
  });

  it('imports monthly values, which move statuses; an unknown indicator code is reported with its row', async () => {
    const tpl = await loadXlsx((await office.request('GET', `/api/v1/plans/${planId}/template?kind=values`)).rawPayload);
    const ws = tpl.getWorksheet('月度数据')!;
    expect(headers(ws).slice(0, 6)).toEqual(['指标编码', '期间', '数值', '本期累计额', '上年同期累计额', '备注']);
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('A3').value]).toEqual(['XT-INV', '2021-02', 'XT-EMP']);

    const bad = await workbook({ 月度数据: [['指标编码', '期间', '数值'], ['XT-INV', '2021-01', 4], ['NOPE-1', '2021-01', 1]] });
    const refused = await upload(office, planId, 'values', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    expect(refused.json().error.details.errors).toEqual([
      { sheet: '月度数据', row: 3, column: 'A', field: 'code', issue: 'unknown_indicator', message: '月度数据 第 3 行 A 列：指标编码“NOPE-1”不是本计划的指标' },
    ]);
    expect((await indicators())[0]!.evaluation.status).toBe('nodata');

    fillSheet(tpl, '月度数据', [['XT-INV', '2021-01', 4.5], ['XT-INV', '2021-02', '4'], ['XT-EMP', '2021-01', 100], ['XT-EMP', '2021-02', 200]]);
    const ok = await upload(office, planId, 'values', await toBuffer(tpl));
    expect(ok.json(), ok.body).toEqual({ ok: true, created: { items: 0, indicators: 0, values: 4 }, updated: { items: 0, indicators: 0, values: 0 }, unchanged: 0, skipped: 0 });
    const [inv, emp] = await indicators();
    expect(inv!.evaluation).toMatchObject({ actual: '8.5', status: 'green' });
    expect(emp!.evaluation.status).toBe('red');
    expect((await items()).find((i) => i.code === '1.1')!.status).not.toBe('nodata');

    const again = await upload(office, planId, 'values', await workbook({ 月度数据: [['指标编码', '期间', '数值'], ['XT-EMP', '2021-02', 600], ['XT-INV', '2021-01', '4.50']] }));
    expect(again.json()).toMatchObject({ created: { values: 0 }, updated: { values: 1 }, unchanged: 1 });
  });

  it('reports in English when asked, and names formula cycles before saving anything', async () => {
    const bad = await workbook({ Items: [['Code', 'Title', 'Due date'], ['9', 'x', 'tomorrow']] });
    const res = await upload(office, planId, 'items', bad, { 'accept-language': 'en-US' });
    expect(res.json().error.details.errors[0]).toMatchObject({ sheet: 'Items', row: 2, column: 'A', issue: 'code_gap' });
    expect(res.json().error.details.errors[1].message).toBe('Items row 2, column C: Due date must be a date such as 2021-03-15 (got "tomorrow")');
    const cyc = await workbook({
      事项: [['编码', '标题'], ['4', '循环']],
      指标: [['事项编码', '指标编码', '名称', '类型', '计量单位', '目标值', '来源', '公式'], ['4', 'CA', 'a', '总量', '个', 1, '公式', '[CB] + 1'], ['4', 'CB', 'b', '总量', '个', 1, '公式', '[CA] + 1']],
    });
    const cycle = await upload(office, planId, 'items', cyc);
    expect(cycle.statusCode, cycle.body).toBe(400);
    expect(cycle.json().error.details.errors.map((e: { row: number; column: string; issue: string }) => `${e.column}${e.row} ${e.issue}`)).toEqual(['H2 cycle', 'H3 cycle']);
  });

  it('rolls everything back when the database refuses a row mid-way, and names that row', async () => {
    const db = t.database.db;
    await db.execute(sql`alter table indicator add constraint exchange_test_refuse check (name <> '拒绝')`);
    try {
      const n = (await items()).length;
      const before = { items: await auditCount('plan_item.create'), indicators: await auditCount('indicator.create'), imports: await auditCount('plan.import') };
      const file = await workbook({
        事项: [['编码', '标题'], ['4', '先建成的事项']],
        指标: [['事项编码', '指标编码', '名称', '类型', '计量单位', '目标值'], ['4', 'OK-1', '可以', '总量', '个', 1], ['4', 'NO-1', '拒绝', '总量', '个', 1]],
      });
      const res = await upload(office, planId, 'items', file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.errors).toEqual([expect.objectContaining({ sheet: '指标', row: 3, issue: 'save_failed', message: '指标 第 3 行：保存失败：与现有数据冲突' })]);
      expect((await items()).length).toBe(n);
      expect({ items: await auditCount('plan_item.create'), indicators: await auditCount('indicator.create'), imports: await auditCount('plan.import') }).toEqual(before);
    } finally {
      await db.execute(sql`alter table indicator drop constraint exchange_test_refuse`);
    }
  });
});

describe('exchange: files and access', () => {
  it('refuses a file that is not an .xlsx by its content (415), one over 10 MB (413), and a non-multipart body (415)', async () => {
    const fake = await upload(office, planId, 'items', Buffer.from('编码,标题\n1,x\n'), {}, 'items.xlsx');
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'unsupported_media_type']);
    const zipNotXlsx = await upload(office, planId, 'items', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(zipNotXlsx.statusCode).toBe(415);
    const big = await upload(office, planId, 'items', Buffer.alloc(10 * 1024 * 1024 + 10, 1));
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'payload_too_large']);
    const json = await office.request('POST', `/api/v1/plans/${planId}/import?kind=items`, { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('refuses damaged archives (415) and archives that would unpack beyond the bound (413) before reading them', async () => {
    const good = await workbook({ 事项: [['编码', '标题'], ['9', 'x']] });
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 200, 260);
    expect((await upload(office, planId, 'items', corrupt)).json().error).toMatchObject({ code: 'unsupported_media_type', details: { reason: 'zip_data' } });
    expect((await upload(office, planId, 'items', good.subarray(0, good.length - 30))).statusCode).toBe(415);
    expect((await upload(office, planId, 'items', zipOf({ 'word/document.xml': Buffer.from('<w/>') }))).json().error.details).toEqual({ reason: 'no_workbook' });
    const bomb = zipOf({ 'xl/workbook.xml': Buffer.from('<x/>'), 'xl/worksheets/sheet1.xml': Buffer.alloc(MAX_UNPACKED + 1) });
    expect(bomb.length).toBeLessThan(MAX_UPLOAD);
    expect([(await upload(office, planId, 'items', bomb)).statusCode]).toEqual([413]);
  });

  it('answers every garbage upload with a 4xx error code and saves nothing', async () => {
    const good = await workbook({ 事项: [['编码', '标题'], ['9', 'x']] });
    const before = await auditCount('plan_item.create');
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
      fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(a)])),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => {
        const b = Buffer.from(good);
        b.set(bytes.subarray(0, b.length - at), at);
        return b;
      }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('items', 'values', 'other', ''), fc.boolean(), async (data, kind, framed) => {
        const res = framed
          ? await upload(office, planId, kind as 'items', data)
          : await office.request('POST', `/api/v1/plans/${planId}/import?kind=${kind}`, data, { 'content-type': 'multipart/form-data; boundary=x' });
        if (res.statusCode >= 500 || !res.json().error?.code) failures.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
      }),
      { numRuns: 60, seed: 25311 },
    );
    expect(failures).toEqual([]);
    expect(await auditCount('plan_item.create')).toBe(before);
  });

  it('lets a reporter export and fetch templates but not import (403), and answers 404 for another plan', async () => {
    const reporter = await login(t.app, 'reporter');
    expect((await reporter.request('GET', `/api/v1/plans/${planId}/export`)).statusCode).toBe(200);
    expect((await reporter.request('GET', `/api/v1/plans/${planId}/template?kind=values`)).statusCode).toBe(200);
    const en = await loadXlsx((await reporter.request('GET', `/api/v1/plans/${planId}/template?kind=items`, undefined, { 'accept-language': 'en-US' })).rawPayload);
    expect(en.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name)).toEqual(['Items', 'Indicators', 'Help']);
    expect(headers(en.getWorksheet('Items')!).slice(0, 3)).toEqual(['Code', 'Title', 'Lead unit']);
    const res = await upload(reporter, planId, 'items', await workbook({ 事项: [['编码', '标题'], ['9', 'x']] }));
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
    const missing = await upload(office, '00000000-0000-4000-8000-000000000000', 'items', await workbook({ 事项: [['编码', '标题']] }));
    expect(missing.statusCode).toBe(404);
    expect((await t.database.db.select({ n: count() }).from(planItem).where(eq(planItem.title, 'x')))[0]!.n).toBe(0);
  });
});
