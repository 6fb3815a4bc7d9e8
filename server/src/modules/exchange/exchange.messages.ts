import type { ImportReport } from '@lantu/core';
import { type Bi, type Locale, SHEETS, pick } from './exchange.columns.js';
import { type RowIssue, byPlace } from './exchange.rows.js';

/**
 * Import reports in the user's language: one line per problem, naming sheet, row and column. The
 * plan, project and report imports share the wording; each brings its column labels and its own texts.
 */

type Issue = RowIssue<string>;
export type IssueText = (i: Issue) => Bi;
export const q = (s: string | undefined) => `“${s ?? ''}”`;
export const qe = (s: string | undefined) => `"${s ?? ''}"`;

/** Each text follows the column's label: "目标值" + "应为数字…", "Target" + " must be a number…". */
const COMMON: Record<string, IssueText> = {
  required: () => ['必填', 'is required'],
  not_a_number: (i) => [`应为数字（填写的是${q(i.got)}）`, `must be a number (got ${qe(i.got)})`],
  not_an_integer: (i) => [`应为整数（填写的是${q(i.got)}）`, `must be a whole number (got ${qe(i.got)})`],
  not_a_date: (i) => [`应为日期，如 2021-03-15（填写的是${q(i.got)}）`, `must be a date such as 2021-03-15 (got ${qe(i.got)})`],
  not_a_boolean: (i) => [`应填“是”或“否”（填写的是${q(i.got)}）`, `must be Yes or No (got ${qe(i.got)})`],
  invalid_period: (i) => [`应为月份，格式 YYYY-MM（填写的是${q(i.got)}）`, `must be a month as YYYY-MM (got ${qe(i.got)})`],
  unknown_option: (i) => [`${q(i.got)}不是可选值，可选：${i.expected}`, `${qe(i.got)} is not one of: ${i.expected}`],
  unknown_unit: (i) => [`${q(i.got)}不是本开发区的单位（请填写单位编码或完整名称）`, `${qe(i.got)} is not a unit of the zone (give the unit code or its exact name)`],
  ambiguous_unit: (i) => [`${q(i.got)}对应多个单位，请改填单位编码`, `${qe(i.got)} names several units; give the unit code`],
  duplicate: (i) => [`${q(i.got)}与第 ${i.expected} 行重复`, `${qe(i.got)} repeats row ${i.expected}`],
  too_long: (i) => [`过长（最多 ${i.limit} 个字符）`, `is too long (at most ${i.limit} characters)`],
  too_big: (i) => [`过大（上限 ${i.limit}）`, `is too large (at most ${i.limit})`],
  too_small: (i) => [`过小（下限 ${i.limit}）`, `is too small (at least ${i.limit})`],
  invalid_format: (i) => [`格式不正确（填写的是${q(i.got)}）`, `has the wrong format (got ${qe(i.got)})`],
  taken: (i) => [`${q(i.got)}已被使用`, `${qe(i.got)} is already taken`],
  not_found: (i) => [`${q(i.got)}不存在`, `${qe(i.got)} does not exist`],
  range: (i) => [`超出范围（${i.limit}）`, `is out of range (${i.limit})`],
  growth_only: () => ['只有增速类指标可以填写累计额', 'is only for growth indicators'],
  zero: () => ['不能为 0（无法计算增速）', 'cannot be 0 (no growth rate can be computed)'],
  version_conflict: () => ['已被他人修改，请重新下载模板后再导入', 'was changed by someone else; download the template again and retry'],
  // Whole-sheet and whole-row problems: no column label in front.
  missing_sheet: (i) => [`工作簿中没有工作表 ${i.expected}`, `the workbook has no sheet ${i.expected}`],
  missing_column: (i) => [`缺少列${q(i.expected)}`, `the column ${qe(i.expected)} is missing`],
  too_many_rows: (i) => [`数据行超过 ${i.limit} 行，请分批导入`, `more than ${i.limit} rows; import in parts`],
};
const NO_LABEL = ['missing_sheet', 'missing_column', 'too_many_rows', 'save_failed'];
/** Why a service or the database refused a row, for the save_failed line. */
const SAVE_REASONS: Record<string, Bi> = {
  conflict: ['与现有数据冲突', 'it conflicts with existing data'],
  not_found: ['引用的数据已不存在', 'something it refers to no longer exists'],
};
const fallback: IssueText = (i) => [`无效（填写的是${q(i.got)}）`, `is invalid (got ${qe(i.got)})`];

/** A column's label by sheet and field; undefined when the issue is not about one of the sheet's columns. */
export type LabelOf = (i: Pick<Issue, 'sheet' | 'field'>) => Bi | undefined;

/** The label lookup of a set of sheets and their columns. */
export function columnLabels(sheets: Record<string, { columns: readonly { key: string; label: Bi }[] }>): LabelOf {
  return (i) => sheets[i.sheet]?.columns.find((c) => c.key === i.field)?.label;
}

/** How one import words its problems, beside the common texts. */
export interface MessageBook {
  label: LabelOf;
  /** Texts of this import's own issues, or its wording of common ones. */
  texts?: Record<string, IssueText>;
  /** Issues said without the column label in front, beyond the common ones. */
  noLabel?: readonly string[];
  /** Reasons of its services' refusals, for save_failed. */
  saveReasons?: Record<string, Bi>;
}

/** Most problems a report lists; a file wrong throughout says so in its first lines anyway. */
export const REPORT_LIMIT = 1000;

/**
 * One import's messages: `message` says one problem ("指标 第 2 行 I 列：目标值应为数字…"); `report`
 * is the `validation_failed` details, problems in workbook order (sheet, row, column).
 */
export function importMessages(book: MessageBook) {
  const reasons = { ...SAVE_REASONS, ...book.saveReasons };
  const saveFailed: IssueText = (i) => {
    const [zh, en] = reasons[i.got ?? ''] ?? [i.got ?? '', i.got ?? ''];
    return [`保存失败：${zh}`, `could not be saved: ${en}`];
  };
  const texts: Record<string, IssueText> = { ...COMMON, save_failed: saveFailed, ...book.texts };
  const noLabel = new Set([...NO_LABEL, ...(book.noLabel ?? [])]);
  const message = (i: Issue, locale: Locale): string => {
    const text = pick((texts[i.issue] ?? fallback)(i), locale);
    const bi = noLabel.has(i.issue) ? undefined : book.label(i);
    const label = bi ? pick(bi, locale) : '';
    const where = i.row <= 0 ? pick(['工作簿', 'Workbook'], locale) : locale === 'en-US' ? `${i.sheetName} row ${i.row}${i.column ? `, column ${i.column}` : ''}` : `${i.sheetName} 第 ${i.row} 行${i.column ? ` ${i.column} 列` : ''}`;
    return locale === 'en-US' ? `${where}: ${label ? `${label} ` : ''}${text}` : `${where}：${label}${text}`;
  };
  const report = (issues: Issue[], locale: Locale): ImportReport => {
    const sorted = [...issues].sort(byPlace);
    const errors = sorted.slice(0, REPORT_LIMIT).map((i) => ({ sheet: i.sheetName, row: i.row, column: i.column, field: i.field, issue: i.issue, message: message(i, locale) }));
    return { ok: false, errors, total: issues.length, truncated: issues.length > REPORT_LIMIT };
  };
  return { message, report };
}

/** The plan import's own issues. */
const PLAN_TEXTS: Record<string, IssueText> = {
  invalid_code: (i) => [`格式应为 1、1.2、1.2.3（填写的是${q(i.got)}）`, `must look like 1, 1.2 or 1.2.3 (got ${qe(i.got)})`],
  code_as_number: (i) => [
    ` ${i.got} 被 Excel 存成了数字（1.10 会变成 1.1），请把该列设为“文本”格式后重新填写`,
    `${i.got} was stored by Excel as a number (1.10 becomes 1.1); format the column as Text and enter it again`,
  ],
  too_deep: (i) => [`超过 ${i.limit} 级（填写的是 ${i.got}）`, `is deeper than ${i.limit} levels (got ${i.got})`],
  parent_missing: (i) => [`的上级事项 ${i.expected} 在文件和计划中都不存在`, `has no parent: item ${i.expected} is in neither the file nor the plan`],
  code_gap: (i) => [`须紧接同级已有事项连续编号，此处应为 ${i.expected}（填写的是 ${i.got}）`, `must continue its siblings without gaps: expected ${i.expected} here (got ${i.got})`],
  before_start: () => ['早于开始日期', 'is before the start date'],
  below_low: () => ['小于区间下限', 'is below the band’s low edge'],
  unknown_item: (i) => [`${q(i.got)}在文件和计划中都不存在`, `${qe(i.got)} is in neither the file nor the plan`],
  code_taken: (i) => [`${q(i.got)}已被其他计划的指标使用`, `${qe(i.got)} is used by another plan’s indicator`],
  item_mismatch: (i) => [`与已有指标不符：该指标属于事项 ${i.expected}，导入不能把它移到 ${i.got}`, `does not match: this indicator belongs to item ${i.expected}; an import cannot move it to ${i.got}`],
  unknown_indicator: (i) => [`${q(i.got)}不是本计划的指标`, `${qe(i.got)} is not an indicator of this plan`],
  value_or_amounts: () => ['未填写：请填写数值，或同时填写本期累计额和上年同期累计额', 'is missing: give a value, or both cumulative amounts'],
  formula_not_allowed: () => ['只能在来源为“公式”时填写', 'is only allowed when the source is Formula'],
  formula_syntax: (i) => [`无法识别（第 ${Number(i.limit ?? 0) + 1} 个字符附近）`, `cannot be read (near character ${Number(i.limit ?? 0) + 1})`],
  unknown_reference: (i) => [`引用的指标 ${i.got} 不存在`, `refers to an unknown indicator ${i.got}`],
  cycle: () => ['存在循环引用', 'refers back to itself through other formulas'],
  computed_source: (i) => [`${q(i.got)}按公式或重点项目自动计算，不能填报数值`, `${qe(i.got)} is computed (by its formula or from the key projects); its values cannot be entered`],
  projects_filter_missing: () => [
    '为“项目”时须先在系统中为指标设置项目筛选条件（导入不能设置）',
    'can be Projects only once the indicator’s project filter is set in the system (an import cannot set it)',
  ],
  projects_source_only: () => [
    '不能改为其他来源：该指标由重点项目汇总计算，请在系统中修改',
    'cannot change: the indicator is computed from the key projects; change it in the system',
  ],
  not_for_source: () => ['不适用于重点项目汇总的指标（只能为总量或水平）', 'does not suit a project-driven indicator (amount or level only)'],
  money_unit_required: (i) => [`${q(i.got)}不是金额单位：按投资额汇总的指标须用万元或亿元`, `${qe(i.got)} is not a money unit: investment sums are stated in 万元 or 亿元`],
  has_values: (i) => [
    `不能改为自动计算：已填报 ${i.limit} 个月度数值，请先删除`,
    `cannot become computed while ${i.limit} monthly values are entered; remove them first`,
  ],
  out_of_year: (i) => [`${q(i.got)}不在指标年度范围（${i.limit}）内`, `${qe(i.got)} is outside the indicator’s years (${i.limit})`],
};

/** The plan import's messages (plans workbook: 事项, 指标, 月度数据). */
const PLAN = importMessages({ label: columnLabels(SHEETS), texts: PLAN_TEXTS });

/** A refused plan workbook's report, problems in workbook order. */
export function reportOf(issues: RowIssue[], locale: Locale): ImportReport {
  return PLAN.report(issues, locale);
}
