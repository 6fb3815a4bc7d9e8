import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { ReportDetail } from '@lantu/core';
import type { Session } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { type ReportingFixture, reportingFixture } from './reporting.test-helpers.js';

let f: ReportingFixture;
let report: ReportDetail;

const BOUNDARY = '----lantu-workbook-boundary';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
function upload(s: Session, reportId: string, data: Buffer, lang = 'zh-CN') {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="report.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
  return s.request('POST', `/api/v1/reports/${reportId}/import`, body, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'accept-language': lang });
}
async function download(s: Session, reportId: string, lang = 'zh-CN'): Promise<ExcelJS.Workbook> {
  const res = await s.request('GET', `/api/v1/reports/${reportId}/workbook`, undefined, { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
/** Column number by its Chinese header. */
const colOf = (ws: ExcelJS.Worksheet, header: string) => {
  let n = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) n = i;
  });
  expect(n, header).toBeGreaterThan(0);
  return n;
};
/** The sheet row of a line. */
const rowOf = (ws: ExcelJS.Worksheet, lineId: string) => {
  let r = 0;
  ws.eachRow((row, i) => {
    if (row.getCell(1).value === lineId) r = i;
  });
  expect(r).toBeGreaterThan(1);
  return ws.getRow(r);
};

beforeAll(async () => {
  f = await reportingFixture();
  const ind = await f.createIndicator('XLS-AMT');
  for (const [p, v] of [['2021-01', '2'], ['2021-02', '2']]) await f.office.request('PUT', `/api/v1/indicators/${ind.id}/values/${p}`, { value: v });
  const cycle = await f.openCycle('2021-03');
  report = await f.reportOf(cycle.id, 'JFJ');
});
afterAll(() => f.t.close());

describe('the report workbook', () => {
  it('downloads the report pre-filled, last month beside, ids hidden, the sheet protected, headers in the caller’s language', async () => {
    const wb = await download(f.reporter, report.id);
    const ws = wb.getWorksheet('填报')!;
    expect(ws).toBeDefined();
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(true);
    expect(ws.rowCount).toBe(report.lineCount + 1);
    const line = report.lines.find((l) => l.code === 'XLS-AMT')!;
    const row = rowOf(ws, line.id);
    expect(row.getCell(colOf(ws, '上月数')).value).toBe(2);
    expect(row.getCell(colOf(ws, '本月数值')).protection?.locked).toBe(false);
    expect(row.getCell(colOf(ws, '名称')).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const en = await download(f.reporter, report.id, 'en-US');
    expect(en.getWorksheet('Report')!.getRow(1).getCell(9).value).toBe('Value');
    expect((await f.reporter.request('GET', `/api/v1/reports/${(await f.reportOf(report.cycleId, 'KJJ')).id}/workbook`)).statusCode).toBe(403);
  });

  it('a bad row saves nothing and the report names every problem by row and column', async () => {
    const wb = await download(f.reporter, report.id);
    const ws = wb.getWorksheet('填报')!;
    const ind = rowOf(ws, report.lines.find((l) => l.code === 'XLS-AMT')!.id);
    const project = rowOf(ws, report.lines.find((l) => l.kind === 'project')!.id);
    ind.getCell(colOf(ws, '本月数值')).value = 2.5;
    project.getCell(colOf(ws, '本月完成投资（万元）')).value = 'abc';
    project.getCell(colOf(ws, '本月数值')).value = 3;
    const before = await f.auditCount();
    const res = await upload(f.reporter, report.id, await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details;
    expect(details.ok).toBe(false);
    expect(details.errors.map((e: { row: number; column: string; issue: string }) => [e.row, e.column, e.issue])).toEqual([
      [project.number, 'I', 'not_for_kind'],
      [project.number, 'L', 'not_an_integer'],
    ]);
    expect(details.errors[1].message).toBe(`填报 第 ${project.number} 行 L 列：本月完成投资（万元）应为整数（填写的是“abc”）`);
    expect(await f.auditCount()).toBe(before);
    const after = await f.detail(f.reporter, report.id);
    expect(after.lines.every((l) => l.version === 0 && l.value === null)).toBe(true);
    expect(after.state).toBe('not_started');
  });

  it('round trip: the filled-in workbook saves every changed line in one go, with the same checks', async () => {
    const wb = await download(f.reporter, report.id);
    const ws = wb.getWorksheet('填报')!;
    const ind = report.lines.find((l) => l.code === 'XLS-AMT')!;
    const project = report.lines.find((l) => l.kind === 'project')!;
    const item = report.lines.find((l) => l.kind === 'item')!;
    rowOf(ws, ind.id).getCell(colOf(ws, '本月数值')).value = 9;
    rowOf(ws, project.id).getCell(colOf(ws, '本月完成投资（万元）')).value = 120;
    rowOf(ws, item.id).getCell(colOf(ws, '说明')).value = '三月按计划推进';
    const res = await upload(f.reporter, report.id, await toBuffer(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, updated: 3, unchanged: report.lineCount - 3 });
    const after = await f.detail(f.reporter, report.id);
    expect(after.state).toBe('draft');
    expect(after.lines.find((l) => l.id === ind.id)).toMatchObject({ value: '9', flags: ['jump'], version: 1 });
    expect(after.lines.find((l) => l.id === project.id)).toMatchObject({ completedInvestment: 120, version: 1 });
    expect(after.lines.find((l) => l.id === item.id)).toMatchObject({ note: '三月按计划推进', filled: true });
    const events = await f.t.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'report.import'));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ updated: 3 });

    // The same file again: the lines changed since it was downloaded.
    rowOf(ws, ind.id).getCell(colOf(ws, '本月数值')).value = 10;
    const stale = await upload(f.reporter, report.id, await toBuffer(wb), 'en-US');
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details.errors[0]).toMatchObject({ issue: 'version_conflict', message: expect.stringContaining('download the report again') });
  });

  it('reads a renamed sheet as the report, and names a missing id column in the caller’s language', async () => {
    const wb = await download(f.reporter, report.id);
    wb.getWorksheet('填报')!.name = '三月报表';
    const same = await upload(f.reporter, report.id, await toBuffer(wb));
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ ok: true, updated: 0, unchanged: report.lineCount });
    wb.getWorksheet('三月报表')!.getRow(1).getCell(1).value = '编号';
    const res = await upload(f.reporter, report.id, await toBuffer(wb), 'en-US');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ ok: false, total: 1, errors: [{ sheet: '三月报表', row: 1, field: 'id', issue: 'missing_column', message: '三月报表 row 1: the column "Line ID" is missing' }] });
  });

  it('refuses what is not a workbook, another unit’s report, and a report no longer editable', async () => {
    expect((await upload(f.reporter, report.id, Buffer.from('not a workbook'))).statusCode).toBe(415);
    const kjj = await f.reportOf(report.cycleId, 'KJJ');
    const wb = await download(f.office, kjj.id);
    expect((await upload(f.reporter, kjj.id, await toBuffer(wb))).statusCode).toBe(403);
    const filled = await f.fillAll(f.reporter, report.id);
    expect((await f.step(f.reporter, report.id, 'submit', { version: filled.version })).statusCode).toBe(200);
    const res = await upload(f.reporter, report.id, await toBuffer(await download(f.reporter, report.id)));
    expect(res.statusCode).toBe(409);
  });
});
