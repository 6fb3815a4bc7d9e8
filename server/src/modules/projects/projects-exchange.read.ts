import type { Locale } from '../exchange/exchange.columns.js';
import { readWorkbook } from '../exchange/exchange.read.js';
import type { RowIssue, SheetData } from '../exchange/exchange.rows.js';
import { PROJECT_SHEETS, type ProjectImportKind } from './projects-exchange.columns.js';

/** Reads an uploaded project workbook through the exchange module's reader. */

/** One problem, located in the workbook; `got` / `expected` / `limit` feed the message. */
export type ProjectRowIssue = RowIssue<ProjectImportKind>;

/** The sheet as read: its rows and where each known column sits. */
export type ProjectSheet = SheetData<ProjectImportKind>;

/**
 * The sheet an import of this kind reads (重点项目 or 月度进展, by its Chinese or English name);
 * reference columns (name, totals) are written for the reader and never read back.
 * @throws AppError unsupported_media_type when the bytes are not an .xlsx workbook
 */
export async function readProjectWorkbook(buf: Buffer, kind: ProjectImportKind, locale: Locale): Promise<{ sheet: ProjectSheet | null; issues: ProjectRowIssue[] }> {
  const { name, columns } = PROJECT_SHEETS[kind];
  const { sheets, issues } = await readWorkbook(buf, [{ key: kind, name, columns: columns.filter((c) => !c.reference) }], locale);
  return { sheet: sheets[kind] ?? null, issues };
}
