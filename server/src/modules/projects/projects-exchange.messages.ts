import type { ImportReport } from '@lantu/core';
import type { Locale } from '../exchange/exchange.columns.js';
import { type IssueText, columnLabels, importMessages, q, qe } from '../exchange/exchange.messages.js';
import { PROJECT_SHEETS } from './projects-exchange.columns.js';
import type { ProjectRowIssue } from './projects-exchange.read.js';

/** The project import report in the user's language: the common wording, the projects' columns and issues. */

/** Each text follows the column's label: "总投资" + "不能小于 0", "Total investment" + " must be at least 0". */
const TEXTS: Record<string, IssueText> = {
  unknown_user: (i) => [`${q(i.got)}不是本开发区的用户名`, `${qe(i.got)} is not a username of the zone`],
  too_small: (i) => [`过小（不能小于 ${i.limit}）`, `is too small (at least ${i.limit})`],
  invalid_type: (i) => [`格式不正确（填写的是${q(i.got)}）`, `has the wrong type (got ${qe(i.got)})`],
  taken: (i) => [`${q(i.got)}已被其他项目使用`, `${qe(i.got)} is used by another project`],
  exceeds_total: (i) =>
    i.field === 'annualInvestment'
      ? [`不能超过总投资 ${i.limit} 万元`, `may not exceed the total investment of ${i.limit}`]
      : [`使累计完成超过总投资（最多还可填 ${i.limit} 万元）`, `takes the cumulative above the total investment (at most ${i.limit} more)`],
  below_completed: (i) => [`小于已完成投资 ${i.limit} 万元`, `is below the ${i.limit} already completed`],
  unknown_project: (i) => [`${q(i.got)}不是本开发区的项目`, `${qe(i.got)} is not a project of the zone`],
  not_your_project: (i) => [`${q(i.got)}不是本单位牵头的项目，无权填报`, `${qe(i.got)} is not led by your unit; you may not report for it`],
  after_as_of: (i) => [`${q(i.got)}晚于当前业务月份 ${i.limit}`, `${qe(i.got)} is after the current business month ${i.limit}`],
};

const MESSAGES = importMessages({
  label: columnLabels(PROJECT_SHEETS),
  texts: TEXTS,
  noLabel: ['version_conflict'],
  saveReasons: { forbidden: ['无权修改该项目', 'you may not change this project'] },
});

/** The failure report of an import, in the same shape as the plan import's: "重点项目 第 3 行 H 列：总投资(万元)过小（不能小于 0）". */
export function projectReportOf(issues: ProjectRowIssue[], locale: Locale): ImportReport {
  return MESSAGES.report(issues, locale);
}
