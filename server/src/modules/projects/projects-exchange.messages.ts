import { type Locale, pick } from '../exchange/exchange.columns.js';
import { type ImportError, REPORT_LIMIT } from '../exchange/exchange.messages.js';
import { PROJECT_SHEETS } from './projects-exchange.columns.js';
import type { ProjectRowIssue } from './projects-exchange.read.js';

/** The project import report in the user's language: one line per problem, naming sheet, row and column. */

type Text = (i: ProjectRowIssue) => readonly [string, string];
const q = (s: string | undefined) => `“${s ?? ''}”`;
const qe = (s: string | undefined) => `"${s ?? ''}"`;

/** Each text follows the column's label: "总投资" + "不能小于 0", "Total investment" + " must be at least 0". */
const TEXTS: Record<string, Text> = {
  required: () => ['必填', 'is required'],
  not_a_number: (i) => [`应为数字（填写的是${q(i.got)}）`, `must be a number (got ${qe(i.got)})`],
  not_an_integer: (i) => [`应为整数（填写的是${q(i.got)}）`, `must be a whole number (got ${qe(i.got)})`],
  not_a_date: (i) => [`应为日期，如 2021-03-15（填写的是${q(i.got)}）`, `must be a date such as 2021-03-15 (got ${qe(i.got)})`],
  not_a_boolean: (i) => [`应填“是”或“否”（填写的是${q(i.got)}）`, `must be Yes or No (got ${qe(i.got)})`],
  invalid_period: (i) => [`应为月份，格式 YYYY-MM（填写的是${q(i.got)}）`, `must be a month as YYYY-MM (got ${qe(i.got)})`],
  unknown_option: (i) => [`${q(i.got)}不是可选值，可选：${i.expected}`, `${qe(i.got)} is not one of: ${i.expected}`],
  unknown_unit: (i) => [`${q(i.got)}不是本开发区的单位（请填写单位编码或完整名称）`, `${qe(i.got)} is not a unit of the zone (give the unit code or its exact name)`],
  ambiguous_unit: (i) => [`${q(i.got)}对应多个单位，请改填单位编码`, `${qe(i.got)} names several units; give the unit code`],
  unknown_user: (i) => [`${q(i.got)}不是本开发区的用户名`, `${qe(i.got)} is not a username of the zone`],
  duplicate: (i) => [`${q(i.got)}与第 ${i.expected} 行重复`, `${qe(i.got)} repeats row ${i.expected}`],
  too_big: (i) => [`过大（上限 ${i.limit}）`, `is too large (at most ${i.limit})`],
  too_small: (i) => [`过小（不能小于 ${i.limit}）`, `is too small (at least ${i.limit})`],
  too_long: (i) => [`过长（最多 ${i.limit} 个字符）`, `is too long (at most ${i.limit} characters)`],
  invalid_format: (i) => [`格式不正确（填写的是${q(i.got)}）`, `has the wrong format (got ${qe(i.got)})`],
  invalid_type: (i) => [`格式不正确（填写的是${q(i.got)}）`, `has the wrong type (got ${qe(i.got)})`],
  taken: (i) => [`${q(i.got)}已被其他项目使用`, `${qe(i.got)} is used by another project`],
  not_found: (i) => [`${q(i.got)}不存在`, `${qe(i.got)} does not exist`],
  exceeds_total: (i) =>
    i.field === 'annualInvestment'
      ? [`不能超过总投资 ${i.limit} 万元`, `may not exceed the total investment of ${i.limit}`]
      : [`使累计完成超过总投资（最多还可填 ${i.limit} 万元）`, `takes the cumulative above the total investment (at most ${i.limit} more)`],
  below_completed: (i) => [`小于已完成投资 ${i.limit} 万元`, `is below the ${i.limit} already completed`],
  unknown_project: (i) => [`${q(i.got)}不是本开发区的项目`, `${qe(i.got)} is not a project of the zone`],
  not_your_project: (i) => [`${q(i.got)}不是本单位牵头的项目，无权填报`, `${qe(i.got)} is not led by your unit; you may not report for it`],
  after_as_of: (i) => [`${q(i.got)}晚于当前业务月份 ${i.limit}`, `${qe(i.got)} is after the current business month ${i.limit}`],
  version_conflict: () => ['已被他人修改，请重新下载模板后再导入', 'was changed by someone else; download the template again and retry'],
  // Whole-sheet and whole-row problems: no column label in front.
  missing_sheet: (i) => [`工作簿中没有工作表 ${i.expected}`, `the workbook has no sheet ${i.expected}`],
  missing_column: (i) => [`缺少列${q(i.expected)}`, `the column ${qe(i.expected)} is missing`],
  too_many_rows: (i) => [`数据行超过 ${i.limit} 行，请分批导入`, `more than ${i.limit} rows; import in parts`],
  save_failed: (i) => {
    const [zh, en] = SAVE_REASONS[i.got ?? ''] ?? [i.got ?? '', i.got ?? ''];
    return [`保存失败：${zh}`, `could not be saved: ${en}`];
  },
};
/** Why a service or the database refused a row, for the save_failed line. */
const SAVE_REASONS: Record<string, readonly [string, string]> = {
  conflict: ['与现有数据冲突', 'it conflicts with existing data'],
  not_found: ['引用的数据已不存在', 'something it refers to no longer exists'],
  forbidden: ['无权修改该项目', 'you may not change this project'],
};
const NO_LABEL = new Set(['missing_sheet', 'missing_column', 'too_many_rows', 'save_failed', 'version_conflict']);
const fallback: Text = (i) => [`无效（填写的是${q(i.got)}）`, `is invalid (got ${qe(i.got)})`];

function fieldLabel(i: ProjectRowIssue, locale: Locale): string {
  const col = PROJECT_SHEETS[i.sheet].columns.find((c) => c.key === i.field);
  return col ? pick(col.label, locale) : '';
}

/** One problem as a sentence: "重点项目 第 3 行 H 列：总投资(万元)过小（不能小于 0）". */
export function projectIssueMessage(i: ProjectRowIssue, locale: Locale): string {
  const text = pick((TEXTS[i.issue] ?? fallback)(i), locale);
  const label = NO_LABEL.has(i.issue) ? '' : fieldLabel(i, locale);
  const where = i.row <= 0 ? pick(['工作簿', 'Workbook'], locale) : locale === 'en-US' ? `${i.sheetName} row ${i.row}${i.column ? `, column ${i.column}` : ''}` : `${i.sheetName} 第 ${i.row} 行${i.column ? ` ${i.column} 列` : ''}`;
  return locale === 'en-US' ? `${where}: ${label ? `${label} ` : ''}${text}` : `${where}：${label}${text}`;
}

/** Report order: row, then column left to right (B before AA). */
const byPlace = (a: ProjectRowIssue, b: ProjectRowIssue) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);

/** The failure report of an import, in the same shape as the plan import's. */
export function projectReportOf(issues: ProjectRowIssue[], locale: Locale): { errors: ImportError[]; total: number; truncated: boolean } {
  const sorted = [...issues].sort(byPlace);
  const errors = sorted.slice(0, REPORT_LIMIT).map((i) => ({ sheet: i.sheetName, row: i.row, column: i.column, field: i.field, issue: i.issue, message: projectIssueMessage(i, locale) }));
  return { errors, total: issues.length, truncated: issues.length > REPORT_LIMIT };
}
