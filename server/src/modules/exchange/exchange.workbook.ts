import type ExcelJS from 'exceljs';

/** Sheet-writing helpers shared by templates and exports: header, widths, formats, validations. */

export type Cell = string | number | boolean | Date | null;

export interface OutColumn {
  header: string;
  width: number;
  /** Excel number format: '@' text, 'yyyy-mm-dd', '0.0%', '#,##0.00' … */
  numFmt?: string;
}

/**
 * Excel has no theme tokens to read; these fills mirror the status colours of the web's palette
 * (done blue, green, gold, red, grey).
 */
export const STATUS_FILL: Record<string, string> = { done: 'FFD6E4FF', green: 'FFD9F7BE', yellow: 'FFFFF1B8', red: 'FFFFCCC7', nodata: 'FFF0F0F0' };
const HEADER_FILL = 'FFE8EEF7';

/** Adds a sheet with a bold, filled, frozen header row, the widths and formats, and the rows. */
export function addTable(wb: ExcelJS.Workbook, name: string, columns: OutColumn[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.numFmt = 'General';
  });
  ws.addRows(rows);
  return ws;
}

export function fill(cell: ExcelJS.Cell, argb: string | undefined): void {
  if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A stored date 'YYYY-MM-DD' as an Excel date (UTC midnight, which Excel shows as that day). */
export function dateOf(s: string | null | undefined): Date | null {
  if (!s) return null;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A decimal string as a number for display in a cell; storage never sees this float. */
export const num = (s: string | null | undefined): number | null => (s == null || s === '' ? null : Number(s));

type Validation = { type: 'list' | 'decimal' | 'whole'; formulae: string[]; operator?: string; allowBlank: boolean; showErrorMessage?: boolean; errorTitle?: string; error?: string };

/** A data validation over a column range; exceljs writes range keys as one sqref. */
export function validate(ws: ExcelJS.Worksheet, col: string, lastRow: number, v: Validation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations.add(`${col}2:${col}${lastRow}`, v);
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
