import { DIRECTIONS, FREQUENCIES, INDICATOR_KINDS, INDICATOR_SOURCES, LIMIT_MODES, PROGRESS_METHODS, STATUSES } from '@lantu/core';

/** The workbook layouts the exchange module reads and writes: sheets, columns, labels. Pure data. */

export type Locale = 'zh-CN' | 'en-US';
export type Bi = readonly [zh: string, en: string];
export const pick = (bi: Bi, locale: Locale): string => (locale === 'en-US' ? bi[1] : bi[0]);

/** How a cell is read. */
export type CellKind = 'itemCode' | 'indicatorCode' | 'text' | 'decimal' | 'int' | 'date' | 'bool' | 'enum' | 'unit' | 'units' | 'period';

export interface ColumnSpec {
  /** Field key in the row; also accepted as a header. */
  key: string;
  label: Bi;
  kind: CellKind;
  required?: boolean;
  /** enum columns: the allowed ids with their zh / en labels (and extra accepted spellings). */
  options?: Record<string, readonly string[]>;
  width: number;
  help: Bi;
}

const labels = <T extends string>(ids: readonly T[], map: Record<T, readonly string[]>) => Object.fromEntries(ids.map((id) => [id, map[id]])) as Record<T, readonly string[]>;

export const KIND_OPTIONS = labels(INDICATOR_KINDS, { amount: ['总量', 'Amount'], level: ['水平', 'Level'], growth: ['增速', 'Growth'], limit: ['限值', 'Limit'], change: ['增减', 'Change'] });
export const DIRECTION_OPTIONS = labels(DIRECTIONS, { increase: ['越大越好', 'Increase', '增加', '上升'], decrease: ['越小越好', 'Decrease', '减少', '下降'] });
export const LIMIT_OPTIONS = labels(LIMIT_MODES, { at_most: ['不超过', 'At most', '以内'], at_least: ['不低于', 'At least', '以上'], about: ['左右', 'About', '区间'] });
export const FREQUENCY_OPTIONS = labels(FREQUENCIES, { monthly: ['月', 'Monthly', '月度'], quarterly: ['季', 'Quarterly', '季度'], half_yearly: ['半年', 'Half-yearly'], annual: ['年', 'Annual', '年度'] });
export const SOURCE_OPTIONS = labels(INDICATOR_SOURCES, { reported: ['填报', 'Reported'], formula: ['公式', 'Formula'], projects: ['项目', 'Projects'], enterprises: ['企业', 'Enterprises'] });
export const METHOD_OPTIONS = labels(PROGRESS_METHODS, { manual: ['手动', 'Manual'], indicators: ['按指标', 'From indicators'], children: ['按下级', 'From children'] });
export const STATUS_LABELS = labels(STATUSES, { done: ['已完成', 'Done'], green: ['正常', 'On track'], yellow: ['预警', 'Warning'], red: ['滞后', 'Behind'], nodata: ['未报', 'No data'] });
export const BOOL_WORDS = { true: ['是', 'Y', 'yes', 'true', '1', '√'], false: ['否', 'N', 'no', 'false', '0', '×'] } as const;

const c = (key: string, zh: string, en: string, kind: CellKind, width: number, helpZh: string, helpEn: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key, label: [zh, en], kind, width, help: [helpZh, helpEn], ...extra,
});

export const ITEM_COLUMNS: readonly ColumnSpec[] = [
  c('code', '编码', 'Code', 'itemCode', 10, '层级编码，如 1.2.3；上级编码为去掉最后一段（1.2）。新编码须紧接在同级已有编码之后', 'Tree code such as 1.2.3; the parent is the code without its last part (1.2). New codes continue their siblings without gaps', { required: true }),
  c('title', '标题', 'Title', 'text', 40, '事项名称（必填）', 'Item title (required)', { required: true }),
  c('leadUnit', '牵头单位', 'Lead unit', 'unit', 18, '单位编码或完整名称（全称或简称）', 'Unit code or exact name (full or short)'),
  c('coUnits', '协办单位', 'Co-units', 'units', 24, '多个单位用分号“;”分隔', 'Several units separated by semicolons ";"'),
  c('weight', '权重', 'Weight', 'decimal', 8, '数字，默认 1', 'Number, default 1'),
  c('startDate', '开始日期', 'Start date', 'date', 12, '日期，如 2021-01-01', 'Date such as 2021-01-01'),
  c('dueDate', '截止日期', 'Due date', 'date', 12, '日期，如 2021-12-31', 'Date such as 2021-12-31'),
  c('progressMethod', '进度方式', 'Progress method', 'enum', 12, '手动 / 按指标 / 按下级', 'Manual / From indicators / From children', { options: METHOD_OPTIONS }),
  c('isPublic', '公开', 'Public', 'bool', 8, '是 / 否', 'Yes / No'),
];

export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  c('itemCode', '事项编码', 'Item code', 'itemCode', 10, '指标所属事项的编码（本文件或计划中已有）', 'Code of the item the indicator belongs to (in this file or the plan)', { required: true }),
  c('code', '指标编码', 'Indicator code', 'indicatorCode', 14, '开发区内唯一，字母开头，如 INV-2021；已存在则更新', 'Unique in the zone, starts with a letter, e.g. INV-2021; an existing code is updated', { required: true }),
  c('name', '名称', 'Name', 'text', 30, '指标名称', 'Indicator name', { required: true }),
  c('kind', '类型', 'Kind', 'enum', 8, '总量 / 水平 / 增速 / 限值 / 增减', 'Amount / Level / Growth / Limit / Change', { required: true, options: KIND_OPTIONS }),
  c('direction', '方向', 'Direction', 'enum', 10, '越大越好 / 越小越好（排名等用越小越好）', 'Increase / Decrease (ranks improve downwards)', { options: DIRECTION_OPTIONS }),
  c('unitOfMeasure', '计量单位', 'Unit of measure', 'text', 10, '如 亿元、万元、个、%', 'Such as 亿元, 万元, 个, %', { required: true }),
  c('year', '年度', 'Year', 'int', 8, '目标年度；年度计划可留空', 'Target year; may be blank in an annual plan'),
  c('baseline', '基期值', 'Baseline', 'decimal', 10, '上年末数值（水平、增减类）', 'Last year-end value (level, change)'),
  c('target', '目标值', 'Target', 'decimal', 10, '年度目标（数字，必填）', 'Annual target (number, required)', { required: true }),
  c('limitMode', '限值方式', 'Limit mode', 'enum', 10, '不超过 / 不低于 / 左右（限值类）', 'At most / At least / About (limit)', { options: LIMIT_OPTIONS }),
  c('bandLow', '区间下限', 'Band low', 'decimal', 10, '“左右”的区间下限', 'Lower edge of an "about" band'),
  c('bandHigh', '区间上限', 'Band high', 'decimal', 10, '“左右”的区间上限', 'Upper edge of an "about" band'),
  c('frequency', '频次', 'Frequency', 'enum', 8, '月 / 季 / 半年 / 年', 'Monthly / Quarterly / Half-yearly / Annual', { options: FREQUENCY_OPTIONS }),
  c('source', '来源', 'Source', 'enum', 8, '填报 / 公式 / 项目 / 企业', 'Reported / Formula / Projects / Enterprises', { options: SOURCE_OPTIONS }),
  c('formula', '公式', 'Formula', 'text', 20, '来源为公式时的计算式，用 [指标编码] 引用其他指标，如 [INV-A] + [INV-B]', 'The expression when the source is Formula; [CODE] refers to another indicator, e.g. [INV-A] + [INV-B]'),
  c('reportingUnit', '填报单位', 'Reporting unit', 'unit', 16, '单位编码或名称；留空为牵头单位', 'Unit code or name; blank means the lead unit'),
  c('weight', '权重', 'Weight', 'decimal', 8, '数字，默认 1', 'Number, default 1'),
];

export const VALUE_COLUMNS: readonly ColumnSpec[] = [
  c('code', '指标编码', 'Indicator code', 'indicatorCode', 14, '本计划的指标编码', 'Code of an indicator of this plan', { required: true }),
  c('period', '期间', 'Period', 'period', 10, '月份，格式 YYYY-MM，如 2021-03', 'Month as YYYY-MM, e.g. 2021-03', { required: true }),
  c('value', '数值', 'Value', 'decimal', 12, '总量类填当月发生额；其他类填月末值（增速填 1–N 月累计增速 %）', 'Amount: the month’s flow; others: the month-end value (growth: the cumulative rate in %)'),
  c('currentAmount', '本期累计额', 'Cumulative amount', 'decimal', 14, '增速类可改填本年累计额', 'Growth may give this year’s cumulative amount instead'),
  c('lastYearAmount', '上年同期累计额', 'Last year’s cumulative amount', 'decimal', 16, '增速类：上年同期累计额', 'Growth: last year’s same-period cumulative amount'),
  c('note', '备注', 'Note', 'text', 30, '说明', 'Remarks'),
];

export type SheetKey = 'items' | 'indicators' | 'values';
export const SHEETS: Record<SheetKey, { name: Bi; columns: readonly ColumnSpec[] }> = {
  items: { name: ['事项', 'Items'], columns: ITEM_COLUMNS },
  indicators: { name: ['指标', 'Indicators'], columns: INDICATOR_COLUMNS },
  values: { name: ['月度数据', 'Monthly values'], columns: VALUE_COLUMNS },
};
export const HELP_SHEET: Bi = ['说明', 'Help'];
export const LISTS_SHEET = '_lists';
export const IMPORT_KINDS = ['items', 'values'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const SHEETS_OF: Record<ImportKind, SheetKey[]> = { items: ['items', 'indicators'], values: ['values'] };

/** Normalises a header or enum cell for matching: no spaces, asterisks or case. */
export const norm = (s: string) => s.replace(/[\s*＊:：]/g, '').toLowerCase();

/** Finds the option id a cell names by its id or any of its labels. */
export function optionOf(options: Record<string, readonly string[]>, text: string): string | undefined {
  const n = norm(text);
  for (const [id, words] of Object.entries(options)) if (norm(id) === n || words.some((w) => norm(w) === n)) return id;
  return undefined;
}

/** Excel column letters of a 1-based column number (1 → A, 27 → AA). */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
