import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Project, ProjectProgress } from '@lantu/core';
import type { Session } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { fillSheet, headers, loadXlsx, toBuffer, workbook } from '../exchange/exchange.test-helpers.js';
import { project, projectProgress } from './projects.table.js';
import { type ProjectFixture, projectFixture } from './projects.test-helpers.js';

let f: ProjectFixture;
let jfjA: Project;
let jfjB: Project;
let gjj: Project;
beforeAll(async () => {
  f = await projectFixture();
  jfjA = await f.createProject('EX-A', {
    name: '高新区智能装备产业园', enterprise: '焦作智造有限公司', leaderId: f.userIds.leader, totalInvestment: 50000, annualInvestment: 20000,
    lat: 35.2153, lng: 113.2586, address: '神州路与新园路交叉口', batches: ['start', 'production'], isPublic: true,
    plannedDates: { signed: '2020-12-01', started: '2021-02-28', completed: '2022-06-30' },
  });
  jfjB = await f.createProject('EX-B', { category: 'innovation', totalInvestment: 3000, annualInvestment: 1000 });
  gjj = await f.createProject('EX-G', { category: 'infrastructure', leadUnitId: f.unitIds.GJJ, totalInvestment: 8000, annualInvestment: 4000 });
});
afterAll(() => f.t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BOUNDARY = '----lantu-projects-boundary';
function multipart(data: Buffer, filename = 'import.xlsx', type = XLSX): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}
const importFile = (s: Session, kind: 'projects' | 'progress', data: Buffer, headers: Record<string, string> = {}, filename?: string) =>
  s.request('POST', `/api/v1/projects/import?kind=${kind}`, multipart(data, filename), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers });
async function template(s: Session, query: string): Promise<ExcelJS.Workbook> {
  const res = await s.request('GET', `/api/v1/projects/template.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return loadXlsx(res.rawPayload);
}
const events = async (action: string) => (await f.t.database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, action)))[0]!.n;
const projectCount = async () => (await f.t.database.db.select({ n: count() }).from(project))[0]!.n;
const progressCount = async () => (await f.t.database.db.select({ n: count() }).from(projectProgress))[0]!.n;
const get = async (id: string) => (await f.office.request('GET', `/api/v1/projects/${id}`)).json<Project>();
/** The data rows of a sheet as arrays of cell values, by the code in column A. */
function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 2; r <= ws.actualRowCount; r++) if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}
const errorsOf = (res: { statusCode: number; body: string; json(): { error: { code: string; details: { errors: { sheet: string; row: number; column: string; issue: string; message: string }[] } } } }) => {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('validation_failed');
  return res.json().error.details.errors;
};

describe('project list export', () => {
  it('exports the filtered list as .xlsx with headers in the user’s language, audited', async () => {
    const before = await events('project.export');
    const res = await f.leader.request('GET', '/api/v1/projects/export?category=industry&unitId=' + f.unitIds.JFJ, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''key-projects-2021-03-15\.xlsx$/);
    const ws = (await loadXlsx(res.rawPayload)).getWorksheet('Project list')!;
    expect(headers(ws).slice(0, 6)).toEqual(['Code', 'Name', 'Category', 'Stage', 'Status', 'Lead unit']);
    const codes = Array.from({ length: ws.actualRowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    const listed = (await f.office.request('GET', `/api/v1/projects?category=industry&unitId=${f.unitIds.JFJ}&pageSize=200`)).json().items.map((p: Project) => p.code);
    expect(codes).toEqual(listed);
    expect(codes).toContain('EX-A');
    expect(codes).not.toContain('EX-B');
    expect(codes).not.toContain('EX-G');
    const a = rowOf(ws, 'EX-A');
    expect([a.getCell(2).value, a.getCell(3).value, a.getCell(4).value, a.getCell(6).value, a.getCell(10).value, a.getCell(15).value]).toEqual(['高新区智能装备产业园', 'Industry', 'Planning', '经济发展局', 50000, 'Start batch; Production batch']);
    expect(await events('project.export')).toBe(before + 1);

    const zh = (await loadXlsx((await f.reporter.request('GET', '/api/v1/projects/export?q=EX-G')).rawPayload)).getWorksheet('项目清单')!;
    expect(headers(zh).slice(0, 3)).toEqual(['项目编码', '项目名称', '类别']);
    expect(zh.actualRowCount).toBe(2);
    expect(zh.getRow(2).getCell(3).value).toBe('基础设施');
  });
});

describe('projects import', () => {
  it('round-trips: the prefilled template imported as it is changes nothing', async () => {
    const wb = await template(f.office, 'kind=projects');
    const ws = wb.getWorksheet('重点项目')!;
    expect(headers(ws).slice(0, 9)).toEqual(['项目编码', '项目名称', '类别', '建设单位', '牵头单位', '分管领导', '年度', '总投资(万元)', '年度计划投资(万元)']);
    const a = rowOf(ws, 'EX-A');
    expect([a.getCell(5).value, a.getCell(6).value, a.getCell(13).value, a.getCell(14).value]).toEqual(['JFJ', 'leader', '开工一批; 投产一批', '是']);
    const [updates, version] = [await events('project.update'), (await get(jfjA.id)).version];
    const res = await importFile(f.office, 'projects', await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, created: 0, updated: 0, unchanged: await projectCount(), skipped: 0 });
    expect(await events('project.update')).toBe(updates);
    expect(await events('project.import')).toBe(1);
    expect((await get(jfjA.id)).version).toBe(version);
  });

  it('round-trips in English too: sheet, headers and options in the user’s language', async () => {
    const res = await f.office.request('GET', '/api/v1/projects/template.xlsx?kind=projects', undefined, { 'accept-language': 'en' });
    const wb = await loadXlsx(res.rawPayload);
    const a = rowOf(wb.getWorksheet('Projects')!, 'EX-A');
    expect([a.getCell(3).value, a.getCell(13).value, a.getCell(14).value]).toEqual(['Industry', 'Start batch; Production batch', 'Y']);
    const again = await importFile(f.office, 'projects', res.rawPayload, { 'accept-language': 'en' });
    expect(again.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: await projectCount() });
  });

  it('creates new codes and updates only the cells that changed; the stage is never imported', async () => {
    const wb = await template(f.office, 'kind=projects');
    const ws = wb.getWorksheet('重点项目')!;
    rowOf(ws, 'EX-B').getCell(2).value = '新材料研发中心';
    rowOf(ws, 'EX-B').getCell(17).value = new Date(Date.UTC(2021, 5, 30));
    ws.getCell(1, 21).value = '阶段';
    rowOf(ws, 'EX-B').getCell(21).value = '投产';
    fillSheet(wb, '重点项目', [['EX-NEW', '新建标准化厂房', '工业', null, '规划建设局', null, 2021, 12000, 5000, 35.2, 113.3, null, '开工一批', '否', null, null, '2021-05-01']], true);
    const res = await importFile(f.office, 'projects', await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, created: 1, updated: 1, unchanged: (await projectCount()) - 2 });
    const b = await get(jfjB.id);
    expect(b).toMatchObject({ name: '新材料研发中心', stage: 'planning', version: jfjB.version + 1 });
    expect(b.milestones.find((m) => m.stage === 'started')!.plannedDate).toBe('2021-06-30');
    const created = (await f.office.request('GET', '/api/v1/projects?q=EX-NEW')).json().items[0] as Project;
    expect(created).toMatchObject({ name: '新建标准化厂房', leadUnitId: f.unitIds.GJJ, totalInvestment: 12000, batches: ['start'], isPublic: false, lat: 35.2, lng: 113.3, stage: 'planning' });
    expect(created.milestones.find((m) => m.stage === 'started')!.plannedDate).toBe('2021-05-01');
  });

  it('saves nothing from a file with one bad row among good ones, and names every bad cell', async () => {
    const wb = await template(f.office, 'kind=projects');
    const first = ws(wb).actualRowCount + 1;
    fillSheet(wb, '重点项目', [
      ['EX-OK1', '好项目一', '工业', null, 'JFJ', null, 2021, 100, 50],
      ['EX-BAD', '坏项目', '工业', null, 'JFJ', null, 2021, -5, 50, 95, 113],
      ['EX-OK2', '好项目二', '民生', null, 'JFJ', null, 2021, 100, 50],
    ], true);
    const [projects, audits] = [await projectCount(), await f.auditCount()];
    const errors = errorsOf(await importFile(f.office, 'projects', await toBuffer(wb)));
    expect(errors.map((e) => [e.row, e.column, e.issue])).toEqual([
      [first + 1, 'H', 'too_small'],
      [first + 1, 'J', 'too_big'],
    ]);
    expect(errors[0]!.message).toBe(`重点项目 第 ${first + 1} 行 H 列：总投资(万元)过小（不能小于 0）`);
    expect(await projectCount()).toBe(projects);
    expect(await f.auditCount()).toBe(audits);
  });

  it('checks what spans rows and fields: duplicates, annual above total, unknown units and people, one coordinate', async () => {
    const file = await workbook({ 重点项目: [
      ['项目编码', '项目名称', '类别', '牵头单位', '分管领导', '年度', '总投资(万元)', '年度计划投资(万元)', '纬度', '经度', '三个一批'],
      ['EX-D1', '甲', '工业', '不存在的局', 'nobody', 2021, 100, 200, 35.2, null, '签约一批'],
      ['EX-D1', '乙', '医疗', 'JFJ', 'leader', 2021, 100, 50, null, null, '一批'],
    ] });
    const errors = errorsOf(await importFile(f.office, 'projects', file, { 'accept-language': 'en' }));
    expect(errors.map((e) => [e.row, e.column, e.issue])).toEqual([
      [2, 'D', 'unknown_unit'],
      [2, 'E', 'unknown_user'],
      [2, 'H', 'exceeds_total'],
      [2, 'J', 'required'],
      [3, 'A', 'duplicate'],
      [3, 'C', 'unknown_option'],
      [3, 'K', 'unknown_option'],
    ]);
    expect(errors[2]!.message).toBe('重点项目 row 2, column H: Annual plan (10k yuan) may not exceed the total investment of 100');
  });

  it('keeps project imports to the office and refuses a file that is not a workbook', async () => {
    const wb = await toBuffer(await template(f.office, 'kind=projects'));
    expect((await importFile(f.reporter, 'projects', wb)).statusCode).toBe(403);
    expect((await importFile(f.leader, 'projects', wb)).statusCode).toBe(403);
    const text = await importFile(f.office, 'projects', Buffer.from('code,name\nEX-T,文本\n'), {}, 'projects.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('unsupported_media_type');
    const noSheet = errorsOf(await importFile(f.office, 'projects', await workbook({ Sheet1: [['x']] })));
    expect(noSheet.map((e) => e.issue)).toEqual(['missing_sheet']);
  });
});

const ws = (wb: ExcelJS.Workbook) => wb.worksheets[0]!;

describe('monthly progress import', () => {
  it('prefills the month now reported for the user’s own projects, and saves what is filled in', async () => {
    const wb = await template(f.reporter, 'kind=progress');
    const sheet = wb.getWorksheet('月度进展')!;
    const codes = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(1).value);
    expect(codes).toContain('EX-A');
    expect(codes).not.toContain('EX-G');
    expect(sheet.getRow(2).getCell(3).value).toBe('2021-02');
    // Months already recorded come prefilled and import as unchanged; rows left empty are skipped.
    const recorded = Array.from({ length: codes.length }, (_, i) => sheet.getRow(i + 2).getCell(6).value).filter((v) => v !== null && v !== undefined).length;
    const puts = await events('project_progress.put');
    rowOf(sheet, 'EX-A').getCell(6).value = 1500;
    rowOf(sheet, 'EX-A').getCell(7).value = '厂房主体封顶';
    rowOf(sheet, 'EX-B').getCell(6).value = 200;
    const res = await importFile(f.reporter, 'progress', await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, created: 2, updated: 0, unchanged: recorded, skipped: codes.length - 2 - recorded });
    const months = (await f.office.request('GET', `/api/v1/projects/${jfjA.id}/progress`)).json().items as ProjectProgress[];
    expect(months.map((m) => [m.period, m.completedInvestment, m.imageProgress])).toEqual([['2021-02', 1500, '厂房主体封顶']]);
    expect(await events('project_progress.put')).toBe(puts + 2);

    const again = await template(f.reporter, 'kind=progress&period=2021-02');
    const a = rowOf(again.getWorksheet('月度进展')!, 'EX-A');
    expect([a.getCell(4).value, a.getCell(5).value, a.getCell(6).value]).toEqual([50000, 0, 1500]);
    const unchanged = await importFile(f.reporter, 'progress', await toBuffer(again));
    expect(unchanged.json()).toMatchObject({ created: 0, updated: 0, unchanged: recorded + 2 });
  });

  it('refuses the whole file when a month would take the cumulative above the total, naming the remaining amount', async () => {
    const file = await workbook({ 月度进展: [
      ['项目编码', '月份', '本月完成投资(万元)'],
      ['EX-B', '2021-01', 100],
      ['EX-B', '2021-03', 2900],
    ] });
    const rows = await progressCount();
    const errors = errorsOf(await importFile(f.office, 'progress', file));
    // 3000万元 in all: with February's 200 and January's 100 recorded, March may add at most 2700.
    expect(errors.map((e) => [e.row, e.column, e.issue])).toEqual([[2, 'C', 'exceeds_total'], [3, 'C', 'exceeds_total']]);
    expect(errors[1]!.message).toContain('最多还可填 2700 万元');
    expect(await progressCount()).toBe(rows);
  });

  it('refuses rows for another unit’s project, negative money and months after the business date', async () => {
    const file = await workbook({ Monthly_progress: [['x']], 月度进展: [
      ['Code', 'Month', 'Completed this month (10k yuan)', 'Note'],
      ['EX-A', '2021-01', 100, '一月'],
      ['EX-G', '2021-02', 100],
      ['EX-B', '2021-01', -3],
      ['EX-B', '2021-04', 3],
      ['EX-404', '2021-01', 3],
    ] });
    const rows = await progressCount();
    const errors = errorsOf(await importFile(f.reporter, 'progress', file));
    expect(errors.map((e) => [e.row, e.column, e.issue])).toEqual([
      [3, 'A', 'not_your_project'],
      [4, 'C', 'too_small'],
      [5, 'B', 'after_as_of'],
      [6, 'A', 'unknown_project'],
    ]);
    expect(await progressCount()).toBe(rows);
    expect(await get(gjj.id)).toMatchObject({ cumulativeInvestment: 0 });
  });
});
