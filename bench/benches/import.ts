import { PassThrough, Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { multipartFile } from '../lib/client.js';
import { type BenchCtx, WrongAnswer, ratio, runBench } from '../lib/context.js';
import type { BenchResult } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import { monthsEnding } from '../lib/sizes.js';

/**
 * .xlsx import of the size's number of values (100,000 at zone size) into the 2020 plan, in the
 * plan values template format (sheet 月度数据), against exceljs reading the same bytes with the
 * same streaming options and none of our logic. One import per file (a second would change nothing).
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 月度数据 sheet: each indicator of the plan gets its 24 months (2019-01 … 2020-12) in turn. */
async function valuesWorkbook(codes: string[], rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('月度数据');
  ws.addRow(['指标编码', '期间', '数值', '本期累计额', '上年同期累计额', '备注']).commit();
  const periods = monthsEnding('2020-12', 24);
  for (let i = 0; i < rows; i++) {
    const code = codes[Math.floor(i / periods.length)];
    if (!code) throw new Error(`the import plan has too few indicators for ${rows} values`);
    ws.addRow([code, periods[i % periods.length], Math.round((10 + ((i * 7919) % 9000) / 10) * 100) / 100, null, null, i % 50 === 0 ? '导入基准' : null]).commit();
  }
  await ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** exceljs alone: stream every sheet and row of the file, reading every cell, as the import's reader does. */
async function parseOnly(buf: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let cells = 0;
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of ws) row.eachCell(() => cells++);
  }
  return cells;
}

async function baseline(buf: Buffer): Promise<{ median: number; times: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await parseOnly(buf);
    times.push(performance.now() - t0);
  }
  return { median: [...times].sort((a, b) => a - b)[1]!, times };
}

interface Attempt {
  ok: boolean;
  ms: number;
  status: number;
  created: number;
  refusal: string;
}

async function importOnce(ctx: BenchCtx, planId: string, buf: Buffer, name: string): Promise<Attempt> {
  const office = await ctx.session(0, 'office');
  const { body, contentType } = multipartFile('file', name, XLSX, buf);
  const t0 = performance.now();
  const reply = await office.request<{ ok?: boolean; created?: { values: number }; error?: { code: string; details?: unknown } }>(
    'POST', `/api/v1/plans/${planId}/import?kind=values`, body, { 'content-type': contentType },
  );
  const ms = performance.now() - t0;
  if (reply.status === 200) return { ok: true, ms, status: 200, created: reply.body.created?.values ?? 0, refusal: '' };
  const text = reply.raw.toString('utf8');
  const reason = /too_many_rows/.test(text) ? 'too_many_rows' : (reply.body.error?.code ?? `HTTP ${reply.status}`);
  return { ok: false, ms, status: reply.status, created: 0, refusal: reason };
}

export function xlsxImport(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('xlsx-import', '.xlsx import', ctx.log, async (r) => {
    const z = ctx.zones[0]!;
    const codes = (await ctx.query(`select d.code from indicator d join plan_item i on i.id = d.item_id where i.plan_id = $1 order by d.code`, [z.importPlanId])).map((x) => String(x.code));
    const rows = ctx.size.zone.importValues;
    const file = await valuesWorkbook(codes, rows);
    r.notes.push(`${rows.toLocaleString('en-US')} values in ${Math.round(file.length / 1024).toLocaleString('en-US')} KB`);
    const base = await baseline(file);
    const full = await importOnce(ctx, z.importPlanId, file, `values-${rows}.xlsx`);
    r.latencies[`exceljs parse-only, ${rows} rows (3 runs)`] = summarize(base.times);
    r.figures.push({ key: 'exceljs_ms', label: `exceljs parse-only of ${rows.toLocaleString('en-US')} values`, value: Math.round(base.median), unit: 'ms' });
    if (full.ok) {
      if (full.created !== rows) throw new WrongAnswer(`import created ${full.created} values of ${rows}`);
      r.figures.push({ key: 'import_ms', label: `import of ${rows.toLocaleString('en-US')} values`, value: Math.round(full.ms), unit: 'ms' });
      r.figures.push(ratio('import_vs_exceljs', 'import ÷ exceljs parse-only', full.ms, base.median, { op: '<=', limit: 2 }));
      return;
    }
    if (full.status >= 500) throw new WrongAnswer(`import of ${rows} values crashed: HTTP ${full.status}`);
    // Refused: the figure is missed, with the reason.
    r.figures.push({ key: 'import_vs_exceljs', label: 'import ÷ exceljs parse-only', value: null, unit: '×', target: { op: '<=', limit: 2 }, note: `${rows.toLocaleString('en-US')} values refused: ${full.refusal} after ${Math.round(full.ms)} ms` });
  });
}
