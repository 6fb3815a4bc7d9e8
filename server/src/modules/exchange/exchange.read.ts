import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { type ColumnSpec, type Locale, type SheetKey, SHEETS, colLetter, norm, pick } from './exchange.columns.js';
import { rawOf } from './exchange.cells.js';
import { readableXlsx } from './exchange.zip.js';
import type { RawRow, RowIssue, SheetData } from './exchange.rows.js';

/** Reads an uploaded workbook into rows keyed by field. The only file I/O of an import. */

/** Most data rows one sheet may hold (the 2,000-row imports the zone runs, with room to spare). */
export const MAX_ROWS = 20_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An .xlsx is a zip: anything else is refused by its content, whatever its name or type says. */
export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && ZIP_MAGIC.every((b, i) => buf[i] === b);
}

/** A header names a column by its Chinese or English label or its field key; "目标值（亿元）" still names 目标值. */
function columnOf(specs: readonly ColumnSpec[], header: string): ColumnSpec | undefined {
  const h = norm(header);
  const bare = norm(header.replace(/[（(].*$/, ''));
  return specs.find((s) => [s.key, ...s.label].some((l) => norm(l) === h || norm(l) === bare));
}

function sheetKeyOf(name: string, keys: SheetKey[]): SheetKey | undefined {
  return keys.find((k) => SHEETS[k].name.some((n) => norm(n) === norm(name)));
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

function issue(key: SheetKey, sheetName: string, extra: Partial<RowIssue> & { issue: string }): RowIssue {
  return { sheet: key, sheetName, row: 1, column: '', field: '', ...extra };
}

/** One sheet's header and data rows; blank rows are skipped, row numbers are Excel's. */
async function readSheet(ws: SheetReader, key: SheetKey, issues: RowIssue[], locale: Locale): Promise<SheetData> {
  const specs = SHEETS[key].columns;
  const where = new Map<string, number>();
  const rows: RawRow[] = [];
  let cols: [string, number][] = [];
  for await (const r of ws) {
    if (r.number === 1) {
      r.eachCell((cell, col) => {
        const spec = columnOf(specs, String(rawOf(cell.value) ?? ''));
        if (spec && !where.has(spec.key)) where.set(spec.key, col);
      });
      cols = [...where];
      continue;
    }
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const [k, col] of cols) {
      const v = rawOf(r.getCell(col).value);
      cells[k] = v;
      any ||= v !== null;
    }
    if (!any) continue;
    // Stop reading a sheet that is too long: the rest of it is never parsed.
    if (rows.length === MAX_ROWS) {
      issues.push(issue(key, ws.name, { issue: 'too_many_rows', limit: MAX_ROWS }));
      rows.length = 0;
      break;
    }
    rows.push({ row: r.number, cells });
  }
  for (const s of specs) {
    if (s.required && !where.has(s.key)) issues.push(issue(key, ws.name, { field: s.key, issue: 'missing_column', expected: pick(s.label, locale) }));
  }
  return { key, name: ws.name, columns: Object.fromEntries(cols.map(([k, c]) => [k, colLetter(c)])), rows };
}

/**
 * The sheets an import of this kind reads. Items need 事项 or 指标 (or both); values need 月度数据.
 * Read as a stream: only cells are parsed, so a whole-column validation or merge in the file
 * costs nothing, and an over-long sheet is abandoned at the row limit.
 * @throws AppError unsupported_media_type when the bytes are not an .xlsx workbook
 */
export async function readImport(buf: Buffer, keys: SheetKey[], locale: Locale): Promise<{ sheets: Partial<Record<SheetKey, SheetData>>; issues: RowIssue[] }> {
  if (!isZip(buf)) throw new AppError('unsupported_media_type', { reason: 'not_xlsx' });
  const intact = readableXlsx(buf);
  const sheets: Partial<Record<SheetKey, SheetData>> = {};
  const issues: RowIssue[] = [];
  const first = await withDeadline(readSheets(intact, keys, locale, sheets, issues), READ_DEADLINE_MS);
  if (Object.keys(sheets).length === 0) {
    const expected = keys.map((k) => `“${pick(SHEETS[k].name, locale)}”`).join(locale === 'en-US' ? ' or ' : '或');
    issues.push(issue(keys[0]!, first, { issue: 'missing_sheet', expected, row: 0 }));
  }
  return { sheets, issues };
}

/** A workbook that an intact zip still cannot make readable in this time is refused, not waited on. */
const READ_DEADLINE_MS = 60_000;

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new AppError('unsupported_media_type', { reason: 'unreadable' })), ms)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Streams the sheets of the kinds wanted into `sheets`; returns the first sheet's name. */
async function readSheets(buf: Buffer, keys: SheetKey[], locale: Locale, sheets: Partial<Record<SheetKey, SheetData>>, issues: RowIssue[]): Promise<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let first = '';
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      first ||= ws.name ?? '';
      const key = sheetKeyOf(ws.name ?? '', keys);
      if (key && !sheets[key]) sheets[key] = await readSheet(ws, key, issues, locale);
    }
  } catch {
    throw new AppError('unsupported_media_type', { reason: 'not_xlsx' });
  }
  return first;
}
