import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { type Bi, type ColumnSpec, type Locale, type SheetKey, SHEETS, colLetter, norm, pick } from './exchange.columns.js';
import { rawOf } from './exchange.cells.js';
import { readableXlsx } from './exchange.zip.js';
import type { RawRow, RowIssue, SheetData } from './exchange.rows.js';

/** Reads an uploaded workbook into rows keyed by field: the only file I/O of the plan, project and report imports. */

/** Most data rows one sheet may hold (a zone's year of monthly values is about 100,000 rows; twice that). */
export const MAX_ROWS = 200_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An .xlsx is a zip: anything else is refused by its content, whatever its name or type says. */
export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && ZIP_MAGIC.every((b, i) => buf[i] === b);
}

/** What the reader needs of a column: its field key, its labels, and whether the sheet must have it. */
export type ReadColumn = Pick<ColumnSpec, 'key' | 'label' | 'required'>;

/** A sheet an import reads: found by its Chinese or English name, its columns by their headers. */
export interface SheetSpec<K extends string> {
  key: K;
  name: Bi;
  columns: readonly ReadColumn[];
}

/** Without what stands in brackets: "总投资(万元)*" → 总投资; cut at the first bracket: "目标值（亿元）说明" → 目标值. */
const bareForms = (s: string) => [norm(s.replace(/[（(][^）)]*[）)]/g, '')), norm(s.replace(/[（(].*$/, ''))];

/**
 * A header names a column by its Chinese or English label or its field key, exactly, else without
 * what stands in brackets: "目标值（亿元）" still names 目标值, "总投资" names 总投资(万元).
 */
function columnOf(specs: readonly ReadColumn[], header: string): ReadColumn | undefined {
  const h = norm(header);
  const names = (s: ReadColumn) => [s.key, ...s.label];
  const forms = bareForms(header).filter((f) => f !== '');
  return specs.find((s) => names(s).some((l) => norm(l) === h)) ?? specs.find((s) => names(s).some((l) => forms.includes(bareForms(l)[0]!)));
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

function issue<K extends string>(key: K, sheetName: string, extra: Partial<RowIssue<K>> & { issue: string }): RowIssue<K> {
  return { sheet: key, sheetName, row: 1, column: '', field: '', ...extra };
}

interface ReadSheet<K extends string> {
  data: SheetData<K>;
  issues: RowIssue<K>[];
}

/** One sheet's header and data rows; blank rows are skipped, row numbers are Excel's. */
async function readSheet<K extends string>(ws: SheetReader, spec: SheetSpec<K>, locale: Locale): Promise<ReadSheet<K>> {
  const { key, columns: specs } = spec;
  const issues: RowIssue<K>[] = [];
  const where = new Map<string, number>();
  const rows: RawRow[] = [];
  let cols: [string, number][] = [];
  for await (const r of ws) {
    if (r.number === 1) {
      r.eachCell((cell, col) => {
        const known = columnOf(specs, String(rawOf(cell.value) ?? ''));
        if (known && !where.has(known.key)) where.set(known.key, col);
      });
      cols = [...where];
      continue;
    }
    const cells: RawRow['cells'] = {};
    let any = false;
    for (const [k, col] of cols) {
      // findCell: an empty cell is not created just to be read.
      const v = rawOf(r.findCell(col)?.value);
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
  return { data: { key, name: ws.name, columns: Object.fromEntries(cols.map(([k, c]) => [k, colLetter(c)])), rows }, issues };
}

const refused = (reason: 'not_xlsx' | 'unreadable') => new AppError('unsupported_media_type', { reason, field: 'file' });

export interface ReadOptions {
  /** No sheet has an expected name: read the first sheet as the first spec (a renamed single-sheet workbook). */
  firstSheet?: boolean;
}

/**
 * The sheets of `specs` found in the workbook, by name, with the problems of the file itself
 * (a sheet or required column missing, too many rows). Read as a stream: only cells are parsed,
 * so a whole-column validation or merge in the file costs nothing, and an over-long sheet is
 * abandoned at the row limit.
 * @throws AppError unsupported_media_type (reason not_xlsx, or unreadable in the time allowed)
 */
export async function readWorkbook<K extends string>(
  buf: Buffer,
  specs: readonly SheetSpec<K>[],
  locale: Locale,
  opts: ReadOptions = {},
): Promise<{ sheets: Partial<Record<K, SheetData<K>>>; issues: RowIssue<K>[] }> {
  if (!isZip(buf)) throw refused('not_xlsx');
  const { read, first } = await withDeadline(readSheets(readableXlsx(buf), specs, locale, opts), READ_DEADLINE_MS);
  const sheets: Partial<Record<K, SheetData<K>>> = {};
  const issues: RowIssue<K>[] = [];
  for (const r of read.values()) {
    sheets[r.data.key] = r.data;
    issues.push(...r.issues);
  }
  if (read.size === 0) {
    const expected = specs.map((s) => `“${pick(s.name, locale)}”`).join(locale === 'en-US' ? ' or ' : '或');
    issues.push(issue(specs[0]!.key, first, { issue: 'missing_sheet', expected, row: 0 }));
  }
  return { sheets, issues };
}

/**
 * The sheets a plan import of this kind reads: items need 事项 or 指标 (or both); values need 月度数据.
 * @throws AppError unsupported_media_type (see readWorkbook)
 */
export function readImport(buf: Buffer, keys: SheetKey[], locale: Locale): Promise<{ sheets: Partial<Record<SheetKey, SheetData>>; issues: RowIssue[] }> {
  return readWorkbook(buf, keys.map((key) => ({ key, ...SHEETS[key] })), locale);
}

/** A workbook that an intact zip still cannot make readable in this time is refused, not waited on. */
const READ_DEADLINE_MS = 60_000;

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(refused('unreadable')), ms)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Streams the sheets wanted (the first of each name; with `firstSheet`, the first sheet until a named one); and the first sheet's name. */
async function readSheets<K extends string>(buf: Buffer, specs: readonly SheetSpec<K>[], locale: Locale, opts: ReadOptions): Promise<{ read: Map<K, ReadSheet<K>>; first: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const read = new Map<K, ReadSheet<K>>();
  let first: string | undefined;
  let standIn = false;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      const name = ws.name ?? '';
      const spec = specs.find((s) => s.name.some((n) => norm(n) === norm(name)));
      const replacesStandIn = standIn && spec?.key === specs[0]!.key;
      if (spec && (!read.has(spec.key) || replacesStandIn)) {
        read.set(spec.key, await readSheet(ws, spec, locale));
        if (replacesStandIn) standIn = false;
      } else if (!spec && first === undefined && opts.firstSheet) {
        read.set(specs[0]!.key, await readSheet(ws, specs[0]!, locale));
        standIn = true;
      }
      first ??= name;
    }
  } catch {
    throw refused('not_xlsx');
  }
  return { read, first: first ?? '' };
}
