import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { type Locale, colLetter, norm, pick } from '../exchange/exchange.columns.js';
import { rawOf } from '../exchange/exchange.cells.js';
import { MAX_ROWS, isZip } from '../exchange/exchange.read.js';
import { readableXlsx } from '../exchange/exchange.zip.js';
import type { RawRow } from '../exchange/exchange.rows.js';
import { PROJECT_SHEETS, type ProjectColumn, type ProjectImportKind } from './projects-exchange.columns.js';

/** Reads an uploaded project workbook into rows keyed by field. The only file I/O of a project import. */

/** One problem, located in the workbook; `got` / `expected` / `limit` feed the message. */
export interface ProjectRowIssue {
  sheet: ProjectImportKind;
  sheetName: string;
  row: number;
  /** Excel column letters ("C"), or '' when the problem is not one cell's. */
  column: string;
  field: string;
  issue: string;
  got?: string;
  expected?: string;
  limit?: number | string;
}

/** The sheet as read: its rows and where each known column sits. */
export interface ProjectSheet {
  key: ProjectImportKind;
  name: string;
  columns: Record<string, string>;
  rows: RawRow[];
}

/** A header without its unit in brackets or the required mark: "总投资(万元)*" → 总投资. */
const bare = (s: string) => norm(s.replace(/[（(][^）)]*[）)]/g, ''));

/** A header names a column by its Chinese or English label or its field key, with or without the unit. */
function columnOf(specs: readonly ProjectColumn[], header: string): ProjectColumn | undefined {
  const h = norm(header);
  return specs.find((s) => [s.key, ...s.label].some((l) => norm(l) === h)) ?? specs.find((s) => s.label.some((l) => bare(l) === bare(header)));
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

const sheetIssue = (key: ProjectImportKind, sheetName: string, extra: Partial<ProjectRowIssue> & { issue: string }): ProjectRowIssue => ({ sheet: key, sheetName, row: 1, column: '', field: '', ...extra });

/** Header and data rows of one sheet; blank rows are skipped, row numbers are Excel's. */
async function readSheet(ws: SheetReader, key: ProjectImportKind, issues: ProjectRowIssue[], locale: Locale): Promise<ProjectSheet> {
  const specs = PROJECT_SHEETS[key].columns.filter((s) => !s.reference);
  const where = new Map<string, number>();
  const rows: RawRow[] = [];
  for await (const r of ws) {
    if (r.number === 1) {
      r.eachCell((cell, col) => {
        const spec = columnOf(specs, String(rawOf(cell.value) ?? ''));
        if (spec && !where.has(spec.key)) where.set(spec.key, col);
      });
      continue;
    }
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const [k, col] of where) {
      const v = rawOf(r.getCell(col).value);
      cells[k] = v;
      any ||= v !== null;
    }
    if (!any) continue;
    if (rows.length === MAX_ROWS) {
      issues.push(sheetIssue(key, ws.name, { issue: 'too_many_rows', limit: MAX_ROWS }));
      rows.length = 0;
      break;
    }
    rows.push({ row: r.number, cells });
  }
  for (const s of specs) if (s.required && !where.has(s.key)) issues.push(sheetIssue(key, ws.name, { field: s.key, issue: 'missing_column', expected: pick(s.label, locale) }));
  return { key, name: ws.name, columns: Object.fromEntries([...where].map(([k, col]) => [k, colLetter(col)])), rows };
}

/** A workbook that an intact zip still cannot make readable in this time is refused, not waited on. */
const READ_DEADLINE_MS = 60_000;

async function readMatching(buf: Buffer, kind: ProjectImportKind, issues: ProjectRowIssue[], locale: Locale): Promise<{ sheet: ProjectSheet | null; first: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const names = PROJECT_SHEETS[kind].name.map(norm);
  let first = '';
  let sheet: ProjectSheet | null = null;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      first ||= ws.name ?? '';
      if (!sheet && names.includes(norm(ws.name ?? ''))) sheet = await readSheet(ws, kind, issues, locale);
    }
  } catch {
    throw new AppError('unsupported_media_type', { reason: 'not_xlsx', field: 'file' });
  }
  return { sheet, first };
}

/**
 * The sheet an import of this kind reads (重点项目 or 月度进展, by its Chinese or English name).
 * The zip is checked whole before the streaming reader sees it, which then parses cells only.
 * @throws AppError unsupported_media_type when the bytes are not an .xlsx workbook
 */
export async function readProjectWorkbook(buf: Buffer, kind: ProjectImportKind, locale: Locale): Promise<{ sheet: ProjectSheet | null; issues: ProjectRowIssue[] }> {
  if (!isZip(buf)) throw new AppError('unsupported_media_type', { reason: 'not_xlsx', field: 'file' });
  const intact = readableXlsx(buf);
  const issues: ProjectRowIssue[] = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new AppError('unsupported_media_type', { reason: 'unreadable', field: 'file' })), READ_DEADLINE_MS)));
  try {
    const { sheet, first } = await Promise.race([readMatching(intact, kind, issues, locale), deadline]);
    if (!sheet) issues.push(sheetIssue(kind, first, { row: 0, issue: 'missing_sheet', expected: `“${pick(PROJECT_SHEETS[kind].name, locale)}”` }));
    return { sheet, issues };
  } finally {
    clearTimeout(timer);
  }
}
