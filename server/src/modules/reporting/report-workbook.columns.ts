import type { LineKind } from '@lantu/core';
import { type Bi, type Locale, norm, pick } from '../exchange/exchange.columns.js';
import type { LineInfo } from './report-lines.read.js';

/** The report workbook's layout and the import report's wording. Pure data. */

export type ColumnKey =
  | 'id'
  | 'version'
  | 'kind'
  | 'itemCode'
  | 'label'
  | 'code'
  | 'unitOfMeasure'
  | 'previous'
  | 'value'
  | 'currentAmount'
  | 'lastYearAmount'
  | 'completedInvestment'
  | 'imageProgress'
  | 'progress'
  | 'note'
  | 'returnReason';

export interface ReportColumn {
  key: ColumnKey;
  label: Bi;
  width: number;
  /** How an entry column is read; reference columns have none. */
  input?: 'decimal' | 'int' | 'text';
  hidden?: boolean;
}

const col = (key: ColumnKey, zh: string, en: string, width: number, extra: Partial<ReportColumn> = {}): ReportColumn => ({ key, label: [zh, en], width, ...extra });

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  col('id', '行标识', 'Line ID', 38, { hidden: true }),
  col('version', '版本', 'Version', 8, { hidden: true }),
  col('kind', '类别', 'Kind', 8),
  col('itemCode', '事项编码', 'Item code', 10),
  col('label', '名称', 'Name', 36),
  col('code', '编码', 'Code', 14),
  col('unitOfMeasure', '计量单位', 'Unit', 10),
  col('previous', '上月数', 'Last month', 12),
  col('value', '本月数值', 'Value', 12, { input: 'decimal' }),
  col('currentAmount', '本期累计额', 'Cumulative amount', 14, { input: 'decimal' }),
  col('lastYearAmount', '上年同期累计额', 'Last year’s cumulative amount', 16, { input: 'decimal' }),
  col('completedInvestment', '本月完成投资（万元）', 'Invested this month (万元)', 16, { input: 'int' }),
  col('imageProgress', '形象进度', 'Site progress', 30, { input: 'text' }),
  col('progress', '进度（%）', 'Progress (%)', 10, { input: 'decimal' }),
  col('note', '说明', 'Note', 40, { input: 'text' }),
  col('returnReason', '退回原因', 'Return reason', 30),
];

export const SHEET_NAME: Bi = ['填报', 'Report'];
export const KIND_LABELS: Record<LineKind, Bi> = { indicator: ['指标', 'Indicator'], project: ['项目', 'Project'], item: ['事项', 'Item'] };

/** The entry columns a line of this kind may fill (the others stay locked and blank). */
export function entryKeys(i: LineInfo): ColumnKey[] {
  if (i.kind === 'indicator') return i.indicatorKind === 'growth' ? ['value', 'currentAmount', 'lastYearAmount', 'note'] : ['value', 'note'];
  if (i.kind === 'project') return ['completedInvestment', 'imageProgress', 'note'];
  return i.progressMethod === 'manual' ? ['progress', 'note'] : ['note'];
}

/** The column a header names, by its Chinese or English label or its key. */
export function columnOfHeader(header: string): ReportColumn | undefined {
  const h = norm(header);
  return REPORT_COLUMNS.find((c) => [c.key, ...c.label].some((l) => norm(l) === h));
}

export interface ReportRowIssue {
  row: number;
  /** Excel column letters, or '' when the problem is not one cell's. */
  column: string;
  field: string;
  issue: string;
  got?: string;
  limit?: number | string;
}

const q = (s: string | undefined) => `“${s ?? ''}”`;
const TEXTS: Record<string, (i: ReportRowIssue) => Bi> = {
  required: () => ['必填', 'is required'],
  not_a_number: (i) => [`应为数字（填写的是${q(i.got)}）`, `must be a number (got ${q(i.got)})`],
  not_an_integer: (i) => [`应为整数（填写的是${q(i.got)}）`, `must be a whole number (got ${q(i.got)})`],
  not_for_kind: () => ['不适用于该行（请留空）', 'does not apply to this line (leave it blank)'],
  growth_only: () => ['只有增速类指标可以填写累计额', 'is only for growth indicators'],
  range: (i) => [`超出范围（${i.limit}）`, `is out of range (${i.limit})`],
  zero: () => ['不能为 0（无法计算增速）', 'cannot be 0 (no growth rate can be computed)'],
  not_found: (i) => [`${q(i.got)}不是本报表的行，请重新下载报表`, `${q(i.got)} is not a line of this report; download the report again`],
  duplicate: (i) => [`与第 ${i.limit} 行重复`, `repeats row ${i.limit}`],
  version_conflict: () => ['已被他人修改，请重新下载报表后再导入', 'was changed by someone else; download the report again and retry'],
  too_big: (i) => [`过大（上限 ${i.limit}）`, `is too large (at most ${i.limit})`],
  too_small: (i) => [`过小（下限 ${i.limit}）`, `is too small (at least ${i.limit})`],
  too_long: (i) => [`过长（最多 ${i.limit} 个字符）`, `is too long (at most ${i.limit} characters)`],
  missing_column: (i) => [`缺少列${q(i.got)}`, `the column ${q(i.got)} is missing`],
  missing_sheet: (i) => [`工作簿中没有工作表${q(i.got)}`, `the workbook has no sheet ${q(i.got)}`],
};
const NO_LABEL = new Set(['missing_column', 'missing_sheet', 'version_conflict', 'duplicate']);
const fallback = (i: ReportRowIssue): Bi => [`无效（填写的是${q(i.got)}）`, `is invalid (got ${q(i.got)})`];

/** One problem as the user reads it: where, which column, what is wrong. */
export function rowIssueMessage(i: ReportRowIssue, sheetName: string, locale: Locale): string {
  const text = pick((TEXTS[i.issue] ?? fallback)(i), locale);
  const column = REPORT_COLUMNS.find((c) => c.key === i.field);
  const label = column && !NO_LABEL.has(i.issue) ? pick(column.label, locale) : '';
  const where = i.row <= 0 ? pick(['工作簿', 'Workbook'], locale) : locale === 'en-US' ? `${sheetName} row ${i.row}${i.column ? `, column ${i.column}` : ''}` : `${sheetName} 第 ${i.row} 行${i.column ? ` ${i.column} 列` : ''}`;
  return locale === 'en-US' ? `${where}: ${label ? `${label} ` : ''}${text}` : `${where}：${label}${text}`;
}
