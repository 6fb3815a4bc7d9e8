import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_STAGES, PROJECT_STATUSES, type ProjectStage } from '@lantu/core';
import type { Bi, ColumnSpec } from '../exchange/exchange.columns.js';

/** The project workbooks: sheets, columns and labels of the list export and the two imports. Pure data. */

export const PROJECT_IMPORT_KINDS = ['projects', 'progress'] as const;
export type ProjectImportKind = (typeof PROJECT_IMPORT_KINDS)[number];

/** zh label, en label, then other accepted spellings. */
type Words = readonly [zh: string, en: string, ...more: string[]];
const labels = <T extends string>(ids: readonly T[], map: Record<T, Words>) => Object.fromEntries(ids.map((id) => [id, map[id]])) as Record<T, Words>;

export const CATEGORY_OPTIONS = labels(PROJECT_CATEGORIES, {
  industry: ['工业', 'Industry'],
  infrastructure: ['基础设施', 'Infrastructure'],
  innovation: ['创新平台', 'Innovation platform'],
  livelihood: ['民生', 'Livelihood'],
  agriculture: ['农业', 'Agriculture'],
  urban: ['城建', 'Urban construction'],
});
export const BATCH_OPTIONS = labels(PROJECT_BATCHES, {
  sign: ['签约一批', 'Signing batch', '签约'],
  start: ['开工一批', 'Start batch', '开工'],
  production: ['投产一批', 'Production batch', '投产'],
});
export const STAGE_LABELS = labels(PROJECT_STAGES, {
  planning: ['谋划', 'Planning'],
  signed: ['签约', 'Signed'],
  started: ['开工', 'Started'],
  structure_done: ['主体完工', 'Structure done'],
  completed: ['竣工', 'Completed'],
  in_production: ['投产', 'In production'],
});
export const PROJECT_STATUS_LABELS = labels(PROJECT_STATUSES, { done: ['已投产', 'Done'], green: ['正常', 'On track'], yellow: ['预警', 'Warning'], red: ['滞后', 'Behind'] });

/** A column of a project workbook; reference columns are written for the reader and ignored on import. */
export interface ProjectColumn extends ColumnSpec {
  reference?: boolean;
}

const c = (key: string, zh: string, en: string, kind: ColumnSpec['kind'], width: number, helpZh: string, helpEn: string, extra: Partial<ProjectColumn> = {}): ProjectColumn => ({
  key, label: [zh, en], kind, width, help: [helpZh, helpEn], ...extra,
});

/** The planned-date column of a stage's milestone. */
export const plannedKey = (s: ProjectStage) => `planned_${s}`;

export const PROJECT_COLUMNS: readonly ProjectColumn[] = [
  c('code', '项目编码', 'Code', 'text', 14, '开发区内唯一：字母或数字开头，可含 - _ .；已存在则更新该项目', 'Unique in the zone: starts with a letter or digit, may hold - _ .; an existing code updates that project', { required: true }),
  c('name', '项目名称', 'Name', 'text', 36, '项目名称', 'Project name', { required: true }),
  c('category', '类别', 'Category', 'enum', 12, '工业 / 基础设施 / 创新平台 / 民生 / 农业 / 城建', 'Industry / Infrastructure / Innovation platform / Livelihood / Agriculture / Urban construction', { required: true, options: CATEGORY_OPTIONS }),
  c('enterprise', '建设单位', 'Enterprise', 'text', 24, '建设单位或投资企业', 'Builder or investing enterprise'),
  c('leadUnit', '牵头单位', 'Lead unit', 'unit', 18, '单位编码或完整名称（全称或简称）', 'Unit code or exact name (full or short)'),
  c('leader', '分管领导', 'Leader', 'text', 14, '分管领导的用户名', 'The supervising leader’s username'),
  c('year', '年度', 'Year', 'int', 8, '项目所属的年度重点项目清单，如 2021', 'The year of the key-project list, e.g. 2021', { required: true }),
  c('totalInvestment', '总投资(万元)', 'Total investment (10k yuan)', 'int', 14, '整数，单位万元，不能为负', 'Whole number in 10k yuan, not negative', { required: true }),
  c('annualInvestment', '年度计划投资(万元)', 'Annual plan (10k yuan)', 'int', 16, '整数，单位万元，不超过总投资', 'Whole number in 10k yuan, at most the total', { required: true }),
  c('lat', '纬度', 'Latitude', 'decimal', 11, '-90 到 90，与经度同时填写', '-90 to 90, together with the longitude'),
  c('lng', '经度', 'Longitude', 'decimal', 11, '-180 到 180，与纬度同时填写', '-180 to 180, together with the latitude'),
  c('address', '地址', 'Address', 'text', 30, '项目地址', 'Site address'),
  c('batches', '三个一批', 'Batches', 'text', 20, '签约一批 / 开工一批 / 投产一批，多个用分号“;”分隔', 'Signing / Start / Production batch, several separated by ";"'),
  c('isPublic', '公开', 'Public', 'bool', 8, '是 / 否', 'Yes / No'),
  ...PROJECT_STAGES.map((s) =>
    c(plannedKey(s), `${STAGE_LABELS[s][0]}计划日期`, `Planned ${STAGE_LABELS[s][1].toLowerCase()} date`, 'date', 13, '日期，如 2021-06-30；阶段只能通过“推进”操作改变，不能导入', 'Date such as 2021-06-30; the stage itself changes only through the advance action, never by import'),
  ),
];

export const PROGRESS_COLUMNS: readonly ProjectColumn[] = [
  c('code', '项目编码', 'Code', 'text', 14, '本开发区的项目编码', 'Code of a project of the zone', { required: true }),
  c('name', '项目名称', 'Name', 'text', 36, '仅供参考，导入时不读取', 'For reference; not read on import', { reference: true }),
  c('period', '月份', 'Month', 'period', 10, '月份，格式 YYYY-MM，如 2021-02', 'Month as YYYY-MM, e.g. 2021-02', { required: true }),
  c('totalInvestment', '总投资(万元)', 'Total investment (10k yuan)', 'int', 14, '仅供参考', 'For reference', { reference: true }),
  c('cumulativeBefore', '此前累计完成(万元)', 'Completed before the month (10k yuan)', 'int', 18, '仅供参考：该月之前各月完成投资合计', 'For reference: the months before, added up', { reference: true }),
  c('completedInvestment', '本月完成投资(万元)', 'Completed this month (10k yuan)', 'int', 18, '整数，单位万元，不能为负；累计不得超过总投资', 'Whole number in 10k yuan, not negative; the cumulative may not exceed the total'),
  c('imageProgress', '形象进度', 'Physical progress', 'text', 40, '工程形象进度描述', 'What stands on site'),
  c('note', '备注', 'Note', 'text', 30, '说明', 'Remarks'),
];

export const PROJECT_SHEETS: Record<ProjectImportKind, { name: Bi; columns: readonly ProjectColumn[] }> = {
  projects: { name: ['重点项目', 'Projects'], columns: PROJECT_COLUMNS },
  progress: { name: ['月度进展', 'Monthly progress'], columns: PROGRESS_COLUMNS },
};
export const LIST_SHEET: Bi = ['项目清单', 'Project list'];
