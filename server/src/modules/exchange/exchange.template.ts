import ExcelJS from 'exceljs';
import {
  BOOL_WORDS,
  type ColumnSpec,
  HELP_SHEET,
  type ImportKind,
  LISTS_SHEET,
  type Locale,
  SHEETS,
  SHEETS_OF,
  type SheetKey,
  colLetter,
  pick,
} from './exchange.columns.js';
import { numberToDecimal } from './exchange.cells.js';
import { type Cell, type OutColumn, addTable, dateOf, toBuffer, validate } from './exchange.workbook.js';
import type { UnitRef } from './exchange.rows.js';

/** Import templates: the sheets an import reads, prefilled from the plan, with lists and a 说明 sheet. Pure. */

/** A prefilled row: field key → stored value (ids of options, unit names, decimal strings, 'YYYY-MM-DD'). */
export type TemplateRow = Record<string, unknown>;

export interface TemplateData {
  plan: { title: string; startYear: number; endYear: number };
  units: UnitRef[];
  rows: Partial<Record<SheetKey, TemplateRow[]>>;
}

/** Rows that get validation lists below the prefilled ones. */
const SPARE_ROWS = 2000;
const FORMATS: Partial<Record<ColumnSpec['kind'], string>> = { itemCode: '@', indicatorCode: '@', period: '@', text: '@', unit: '@', units: '@', date: 'yyyy-mm-dd' };

const headerOf = (c: ColumnSpec, locale: Locale) => `${pick(c.label, locale)}${c.required ? '*' : ''}`;

/** A decimal that survives the trip through a binary float goes in as a number, any other as text. */
function decimalCell(s: string): Cell {
  const n = Number(s);
  return numberToDecimal(n) === s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ? n : s;
}

function cellOf(c: ColumnSpec, v: unknown, locale: Locale): Cell {
  if (v === null || v === undefined || v === '') return null;
  switch (c.kind) {
    case 'enum': return c.options?.[String(v)]?.[locale === 'en-US' ? 1 : 0] ?? String(v);
    case 'bool': return v ? (locale === 'en-US' ? 'Y' : BOOL_WORDS.true[0]) : locale === 'en-US' ? 'N' : BOOL_WORDS.false[0];
    case 'date': return dateOf(String(v));
    case 'decimal': return decimalCell(String(v));
    case 'units': return (v as string[]).join('; ') || null;
    default: return v as Cell;
  }
}

function listFormula(c: ColumnSpec, locale: Locale): string | null {
  if (c.kind === 'enum') return `"${Object.values(c.options ?? {}).map((w) => w[locale === 'en-US' ? 1 : 0]).join(',')}"`;
  if (c.kind === 'bool') return locale === 'en-US' ? '"Y,N"' : `"${BOOL_WORDS.true[0]},${BOOL_WORDS.false[0]}"`;
  return null;
}

function addDataSheet(wb: ExcelJS.Workbook, key: SheetKey, rows: TemplateRow[], unitRange: string | null, locale: Locale): void {
  const specs = SHEETS[key].columns;
  const extra: OutColumn[] = key === 'values' ? [{ header: locale === 'en-US' ? 'Indicator name (reference only)' : '指标名称（仅供参考）', width: 30 }] : [];
  const columns = [...specs.map((c) => ({ header: headerOf(c, locale), width: c.width, numFmt: FORMATS[c.kind] })), ...extra];
  const data = rows.map((r) => [...specs.map((c) => cellOf(c, r[c.key], locale)), ...(extra.length ? [(r.name as string) ?? null] : [])]);
  const ws = addTable(wb, pick(SHEETS[key].name, locale), columns, data);
  const last = rows.length + SPARE_ROWS;
  specs.forEach((c, i) => {
    const col = colLetter(i + 1);
    const list = c.kind === 'unit' && unitRange ? unitRange : listFormula(c, locale);
    if (list) validate(ws, col, last, { type: 'list', formulae: [list], allowBlank: true, showErrorMessage: c.kind !== 'unit', error: pick(c.help, locale) });
    else if (c.kind === 'decimal') validate(ws, col, last, { type: 'decimal', operator: 'between', formulae: ['-1e15', '1e15'], allowBlank: true, showErrorMessage: true, error: pick(c.help, locale) });
    if (c.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
}

const GENERAL: [string, string][] = [
  ['先整体校验，全部无误才保存；有任何错误时不保存任何数据，并列出每个错误所在的工作表、行和列。', 'The whole file is checked first and saved only when every row is valid; otherwise nothing is saved and every problem is listed with its sheet, row and column.'],
  ['带 * 的列必填。更新已有事项或指标时，留空的单元格表示不修改。', 'Columns marked * are required. When an existing item or indicator is updated, a blank cell leaves that field unchanged.'],
  ['编码列请保持“文本”格式：数字格式会把 1.10 变成 1.1。', 'Keep the code columns formatted as Text: a number format turns 1.10 into 1.1.'],
];

function addHelpSheet(wb: ExcelJS.Workbook, keys: SheetKey[], plan: TemplateData['plan'], locale: Locale): void {
  const head = ['工作表 Sheet', '列 Column', '必填 Required', '说明', 'Description'];
  const rows: Cell[][] = [[`${plan.title}（${plan.startYear}${plan.endYear !== plan.startYear ? `–${plan.endYear}` : ''}）`, null, null, null, null]];
  for (const [zh, en] of GENERAL) rows.push([null, null, null, zh, en]);
  for (const key of keys) {
    for (const c of SHEETS[key].columns) rows.push([pick(SHEETS[key].name, locale), `${c.label[0]} ${c.label[1]}`, c.required ? '是 Yes' : '', c.help[0], c.help[1]]);
  }
  const ws = addTable(wb, pick(HELP_SHEET, locale), head.map((h, i) => ({ header: h, width: [14, 26, 12, 60, 60][i]! })), rows);
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
}

/** Unit names on a hidden sheet, for the unit columns' drop-down lists (a list literal is capped at 255 characters). */
function addUnitList(wb: ExcelJS.Workbook, units: UnitRef[]): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  units.forEach((u, i) => (ws.getCell(i + 1, 1).value = u.name));
}

/** Builds the template workbook of an import kind, in the user's language. */
export async function buildTemplate(kind: ImportKind, data: TemplateData, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu';
  const keys = SHEETS_OF[kind];
  const withUnits = kind === 'items' && data.units.length > 0;
  const unitRange = withUnits ? `${LISTS_SHEET}!$A$1:$A$${data.units.length}` : null;
  for (const key of keys) addDataSheet(wb, key, data.rows[key] ?? [], unitRange, locale);
  addHelpSheet(wb, keys, data.plan, locale);
  if (withUnits) addUnitList(wb, data.units);
  return toBuffer(wb);
}
