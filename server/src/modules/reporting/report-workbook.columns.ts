import type { LineKind } from '@lantu/core';
import type { Bi } from '../exchange/exchange.columns.js';
import { type IssueText, columnLabels, importMessages, q } from '../exchange/exchange.messages.js';
import type { SheetSpec } from '../exchange/exchange.read.js';
import type { RowIssue } from '../exchange/exchange.rows.js';
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
  /** An upload without this column cannot be matched to the report's lines. */
  required?: boolean;
}

const col = (key: ColumnKey, zh: string, en: string, width: number, extra: Partial<ReportColumn> = {}): ReportColumn => ({ key, label: [zh, en], width, ...extra });

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  col('id', '行标识', 'Line ID', 38, { hidden: true, required: true }),
  col('version', '版本', 'Version', 8, { hidden: true, required: true }),
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
/** The one sheet an upload is read from (by its name, else the workbook's first sheet). */
export const REPORT_SHEET: SheetSpec<'report'> = { key: 'report', name: SHEET_NAME, columns: REPORT_COLUMNS };
export const KIND_LABELS: Record<LineKind, Bi> = { indicator: ['指标', 'Indicator'], project: ['项目', 'Project'], item: ['事项', 'Item'] };

/** The entry columns a line of this kind may fill (the others stay locked and blank). */
export function entryKeys(i: LineInfo): ColumnKey[] {
  if (i.kind === 'indicator') return i.indicatorKind === 'growth' ? ['value', 'currentAmount', 'lastYearAmount', 'note'] : ['value', 'note'];
  if (i.kind === 'project') return ['completedInvestment', 'imageProgress', 'note'];
  return i.progressMethod === 'manual' ? ['progress', 'note'] : ['note'];
}

/** One problem of an upload, on the report sheet. */
export type ReportRowIssue = Omit<RowIssue<'report'>, 'sheet' | 'sheetName'>;

/** The report import's wording of its own issues, over the common ones of every import. */
const TEXTS: Record<string, IssueText> = {
  not_for_kind: () => ['不适用于该行（请留空）', 'does not apply to this line (leave it blank)'],
  not_found: (i) => [`${q(i.got)}不是本报表的行，请重新下载报表`, `${q(i.got)} is not a line of this report; download the report again`],
  duplicate: (i) => [`与第 ${i.limit} 行重复`, `repeats row ${i.limit}`],
  version_conflict: () => ['已被他人修改，请重新下载报表后再导入', 'was changed by someone else; download the report again and retry'],
};

/** The import report of a refused upload: where, which column, what is wrong. */
export const REPORT_MESSAGES = importMessages({ label: columnLabels({ report: REPORT_SHEET }), texts: TEXTS, noLabel: ['version_conflict', 'duplicate'] });
