import ExcelJS from 'exceljs';
import type { Project } from '@lantu/core';
import { BOOL_WORDS, type Bi, type Locale, colLetter, pick } from '../exchange/exchange.columns.js';
import { type Cell, type OutColumn, STATUS_FILL, addTable, dateOf, fill, toBuffer, validate } from '../exchange/exchange.workbook.js';
import { BATCH_OPTIONS, CATEGORY_OPTIONS, LIST_SHEET, PROJECT_SHEETS, PROJECT_STATUS_LABELS, type ProjectColumn, type ProjectImportKind, STAGE_LABELS } from './projects-exchange.columns.js';

/** The project workbooks: the filtered list export and the two prefilled import templates. Pure. */

const label = (options: Record<string, readonly string[]>, id: string, locale: Locale) => options[id]?.[locale === 'en-US' ? 1 : 0] ?? id;
const batchText = (ids: readonly string[], locale: Locale) => ids.map((b) => label(BATCH_OPTIONS, b, locale)).join('; ') || null;

interface ListColumn {
  header: Bi;
  width: number;
  numFmt?: string;
  value: (p: Project, locale: Locale) => Cell;
}
const LIST_COLUMNS: ListColumn[] = [
  { header: ['项目编码', 'Code'], width: 14, numFmt: '@', value: (p) => p.code },
  { header: ['项目名称', 'Name'], width: 36, value: (p) => p.name },
  { header: ['类别', 'Category'], width: 12, value: (p, l) => label(CATEGORY_OPTIONS, p.category, l) },
  { header: ['阶段', 'Stage'], width: 10, value: (p, l) => label(STAGE_LABELS, p.stage, l) },
  { header: ['状态', 'Status'], width: 10, value: (p, l) => label(PROJECT_STATUS_LABELS, p.status, l) },
  { header: ['牵头单位', 'Lead unit'], width: 20, value: (p) => p.leadUnitName },
  { header: ['分管领导', 'Leader'], width: 16, value: (p) => p.leaderName },
  { header: ['建设单位', 'Enterprise'], width: 24, value: (p) => p.enterprise },
  { header: ['年度', 'Year'], width: 8, value: (p) => p.year },
  { header: ['总投资(万元)', 'Total investment (10k yuan)'], width: 14, numFmt: '#,##0', value: (p) => p.totalInvestment },
  { header: ['年度计划投资(万元)', 'Annual plan (10k yuan)'], width: 16, numFmt: '#,##0', value: (p) => p.annualInvestment },
  { header: ['年度已完成(万元)', 'Year to date (10k yuan)'], width: 16, numFmt: '#,##0', value: (p) => p.yearToDate },
  { header: ['累计完成(万元)', 'Cumulative (10k yuan)'], width: 16, numFmt: '#,##0', value: (p) => p.cumulativeInvestment },
  { header: ['逾期天数', 'Overdue days'], width: 10, value: (p) => p.overdueDays },
  { header: ['三个一批', 'Batches'], width: 20, value: (p, l) => batchText(p.batches, l) },
  { header: ['纬度', 'Latitude'], width: 11, value: (p) => p.lat },
  { header: ['经度', 'Longitude'], width: 11, value: (p) => p.lng },
  { header: ['地址', 'Address'], width: 30, value: (p) => p.address },
];
const STATUS_COLUMN = 5;

/** The filtered project list, one row per project, headers in the user's language, status cells coloured. */
export async function buildProjectList(projects: Project[], locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu';
  const columns: OutColumn[] = LIST_COLUMNS.map((c) => ({ header: pick(c.header, locale), width: c.width, numFmt: c.numFmt }));
  const ws = addTable(wb, pick(LIST_SHEET, locale), columns, projects.map((p) => LIST_COLUMNS.map((c) => c.value(p, locale))));
  projects.forEach((p, i) => fill(ws.getRow(i + 2).getCell(STATUS_COLUMN), STATUS_FILL[p.status]));
  return toBuffer(wb);
}

/** A prefilled template row: field key → stored value (option ids, 'YYYY-MM-DD', numbers, text). */
export type TemplateRow = Record<string, string | number | boolean | string[] | null | undefined>;

/** Rows that get validation lists below the prefilled ones. */
const SPARE_ROWS = 1000;
const FORMATS: Partial<Record<ProjectColumn['kind'], string>> = { text: '@', unit: '@', period: '@', date: 'yyyy-mm-dd' };

function cellOf(c: ProjectColumn, v: TemplateRow[string], locale: Locale): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (c.key === 'batches') return batchText(v as string[], locale);
  switch (c.kind) {
    case 'enum': return label(c.options ?? {}, String(v), locale);
    case 'bool': return v ? (locale === 'en-US' ? 'Y' : BOOL_WORDS.true[0]) : locale === 'en-US' ? 'N' : BOOL_WORDS.false[0];
    case 'date': return dateOf(String(v));
    default: return v as Cell;
  }
}

function addValidations(ws: ExcelJS.Worksheet, specs: readonly ProjectColumn[], last: number, unitRange: string | null, locale: Locale): void {
  specs.forEach((c, i) => {
    const col = colLetter(i + 1);
    const error = pick(c.help, locale);
    if (c.reference) return;
    if (c.kind === 'enum') validate(ws, col, last, { type: 'list', formulae: [`"${Object.values(c.options ?? {}).map((w) => w[locale === 'en-US' ? 1 : 0]).join(',')}"`], allowBlank: true, showErrorMessage: true, error });
    else if (c.kind === 'bool') validate(ws, col, last, { type: 'list', formulae: [locale === 'en-US' ? '"Y,N"' : `"${BOOL_WORDS.true[0]},${BOOL_WORDS.false[0]}"`], allowBlank: true, showErrorMessage: true, error });
    else if (c.kind === 'unit' && unitRange) validate(ws, col, last, { type: 'list', formulae: [unitRange], allowBlank: true, showErrorMessage: false, error });
    else if (c.kind === 'int') validate(ws, col, last, { type: 'whole', operator: 'between', formulae: ['0', '100000000'], allowBlank: true, showErrorMessage: true, error });
    else if (c.key === 'lat' || c.key === 'lng') {
      const bound = c.key === 'lat' ? 90 : 180;
      validate(ws, col, last, { type: 'decimal', operator: 'between', formulae: [String(-bound), String(bound)], allowBlank: true, showErrorMessage: true, error });
    }
    if (c.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
}

const GENERAL: Bi[] = [
  ['先整体校验，全部无误才保存；有任何错误时不保存任何数据，并列出每个错误所在的工作表、行和列。', 'The whole file is checked first and saved only when every row is valid; otherwise nothing is saved and every problem is listed with its sheet, row and column.'],
  ['带 * 的列必填。更新已有项目或月份时，留空的单元格表示不修改。', 'Columns marked * are required. When an existing project or month is updated, a blank cell leaves that field unchanged.'],
  ['金额单位为万元，填整数。项目阶段只能在系统中通过“推进”操作改变，不能导入。', 'Money is in 10k yuan, as whole numbers. A project’s stage changes only through the advance action in the system, never by import.'],
];

function addHelpSheet(wb: ExcelJS.Workbook, kind: ProjectImportKind, title: string, locale: Locale): void {
  const rows: Cell[][] = [[title, null, null, null, null], ...GENERAL.map(([zh, en]): Cell[] => [null, null, null, zh, en])];
  for (const c of PROJECT_SHEETS[kind].columns) rows.push([pick(PROJECT_SHEETS[kind].name, locale), `${c.label[0]} ${c.label[1]}`, c.required ? '是 Yes' : '', c.help[0], c.help[1]]);
  const head = ['工作表 Sheet', '列 Column', '必填 Required', '说明', 'Description'];
  const ws = addTable(wb, pick(['说明', 'Help'], locale), head.map((h, i) => ({ header: h, width: [14, 30, 12, 60, 60][i]! })), rows);
  for (const col of [4, 5]) ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
}

/** Hidden sheet of the values a drop-down offers (a list literal is capped at 255 characters). */
const LISTS_SHEET = '_lists';

/**
 * The template of an import kind, prefilled: `projects` with the zone's projects (unit names offered in
 * a drop-down), `progress` with one row per project the user reports for.
 */
export async function buildProjectTemplate(kind: ProjectImportKind, rows: TemplateRow[], unitNames: string[], title: string, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu';
  const specs = PROJECT_SHEETS[kind].columns;
  const columns = specs.map((c) => ({ header: `${pick(c.label, locale)}${c.required ? '*' : ''}`, width: c.width, numFmt: FORMATS[c.kind] }));
  const ws = addTable(wb, pick(PROJECT_SHEETS[kind].name, locale), columns, rows.map((r) => specs.map((c) => cellOf(c, r[c.key], locale))));
  const withUnits = kind === 'projects' && unitNames.length > 0;
  addValidations(ws, specs, rows.length + SPARE_ROWS, withUnits ? `${LISTS_SHEET}!$A$1:$A$${unitNames.length}` : null, locale);
  addHelpSheet(wb, kind, title, locale);
  if (withUnits) {
    const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    unitNames.forEach((n, i) => (lists.getCell(i + 1, 1).value = n));
  }
  return toBuffer(wb);
}
