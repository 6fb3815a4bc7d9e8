import ExcelJS from 'exceljs';
import type { Indicator, PlanItem } from '@lantu/core';
import { type Bi, KIND_OPTIONS, type Locale, STATUS_LABELS, pick } from './exchange.columns.js';
import { type Cell, STATUS_FILL, addTable, dateOf, fill, num, toBuffer } from './exchange.workbook.js';

/** The plan as a workbook: items with their tree and statuses, indicators with their evaluation, monthly values. Pure. */

export interface ExportData {
  plan: { title: string; asOf: string };
  items: PlanItem[];
  indicators: Indicator[];
  values: { indicatorId: string; period: string; value: string }[];
  unitNames: Map<string, string>;
}

/** Figures as entered (their units differ: 亿元, %, 位 …); a fixed decimal format would misstate some. */
const NUM = 'General';

const ITEM_HEADERS: [Bi, number, string?][] = [
  [['编码', 'Code'], 10, '@'],
  [['层级', 'Level'], 8],
  [['标题', 'Title'], 48],
  [['牵头单位', 'Lead unit'], 18],
  [['协办单位', 'Co-units'], 24],
  [['分管领导', 'Leader in charge'], 16],
  [['权重', 'Weight'], 8, 'General'],
  [['开始日期', 'Start'], 12, 'yyyy-mm-dd'],
  [['截止日期', 'Due'], 12, 'yyyy-mm-dd'],
  [['进度', 'Progress'], 9, '0.0%'],
  [['状态', 'Status'], 9],
  [['下级滞后数', 'Red below'], 11, '0'],
];
const ITEM_STATUS_COL = 11;

const INDICATOR_HEADERS: [Bi, number, string?][] = [
  [['事项编码', 'Item code'], 10, '@'],
  [['指标编码', 'Indicator code'], 14, '@'],
  [['名称', 'Name'], 32],
  [['类型', 'Kind'], 8],
  [['计量单位', 'Unit of measure'], 10],
  [['基期值', 'Baseline'], 11, NUM],
  [['目标值', 'Target'], 11, NUM],
  [['序时目标', 'Expected to date'], 12, NUM],
  [['累计完成', 'Actual to date'], 12, NUM],
  [['完成率', 'Ratio'], 9, '0.0%'],
  [['状态', 'Status'], 9],
  [['年末预测', 'Forecast'], 12, NUM],
  [['存在风险', 'At risk'], 9],
];
const INDICATOR_STATUS_COL = 11;

/** Computed figures (序时目标, forecasts) to 4 decimals; reported ones stay as entered. */
const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
const columnsOf = (h: [Bi, number, string?][], locale: Locale) => h.map(([label, width, numFmt]) => ({ header: pick(label, locale), width, numFmt }));
const yesNo = (b: boolean, locale: Locale) => (b ? pick(['是', 'Yes'], locale) : pick(['否', 'No'], locale));

function colourStatus(ws: ExcelJS.Worksheet, col: number, statuses: string[]): void {
  statuses.forEach((s, i) => fill(ws.getRow(i + 2).getCell(col), STATUS_FILL[s]));
}

function itemSheet(wb: ExcelJS.Workbook, d: ExportData, locale: Locale): void {
  const rows: Cell[][] = d.items.map((it) => [
    it.code,
    it.levelLabel,
    it.title,
    it.leadUnitName,
    it.coUnitIds.map((u) => d.unitNames.get(u) ?? '').filter(Boolean).join('; '),
    it.leaderName,
    num(it.weight),
    dateOf(it.startDate),
    dateOf(it.dueDate),
    it.progress,
    pick(STATUS_LABELS[it.status] as unknown as Bi, locale),
    it.redBelow,
  ]);
  const ws = addTable(wb, pick(['计划事项', 'Plan items'], locale), columnsOf(ITEM_HEADERS, locale), rows);
  // The tree as Excel outline groups: a parent sits above its children and folds them.
  ws.properties.outlineProperties = { summaryBelow: false, summaryRight: false };
  d.items.forEach((it, i) => {
    const row = ws.getRow(i + 2);
    row.outlineLevel = Math.min(Math.max(it.depth - 1, 0), 7);
    row.getCell(3).alignment = { indent: Math.min(it.depth - 1, 15) };
    if (it.depth === 1) row.font = { bold: true };
  });
  colourStatus(ws, ITEM_STATUS_COL, d.items.map((it) => it.status));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ITEM_HEADERS.length } };
}

function indicatorSheet(wb: ExcelJS.Workbook, d: ExportData, locale: Locale): void {
  const rows: Cell[][] = d.indicators.map((x) => [
    x.itemCode,
    x.code,
    x.name,
    pick(KIND_OPTIONS[x.kind] as unknown as Bi, locale),
    x.unitOfMeasure,
    num(x.baseline),
    num(x.target),
    round(num(x.evaluation.expected)),
    num(x.evaluation.actual),
    x.evaluation.ratio,
    pick(STATUS_LABELS[x.evaluation.status] as unknown as Bi, locale),
    round(num(x.evaluation.forecast)),
    yesNo(x.evaluation.atRisk, locale),
  ]);
  const ws = addTable(wb, pick(['指标', 'Indicators'], locale), columnsOf(INDICATOR_HEADERS, locale), rows);
  colourStatus(ws, INDICATOR_STATUS_COL, d.indicators.map((x) => x.evaluation.status));
  d.indicators.forEach((x, i) => x.evaluation.atRisk && fill(ws.getRow(i + 2).getCell(INDICATOR_HEADERS.length), STATUS_FILL.yellow));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INDICATOR_HEADERS.length } };
}

/** Every month of the indicators' target years, plus any other month holding a value, in order. */
export function monthsOf(indicators: { year: number }[], values: { period: string }[]): string[] {
  const months = new Set(values.map((v) => v.period));
  for (const y of new Set(indicators.map((i) => i.year))) for (let m = 1; m <= 12; m++) months.add(`${y}-${String(m).padStart(2, '0')}`);
  return [...months].sort();
}

function valueSheet(wb: ExcelJS.Workbook, d: ExportData, locale: Locale): void {
  const months = monthsOf(d.indicators, d.values);
  const byKey = new Map(d.values.map((v) => [`${v.indicatorId}|${v.period}`, v.value]));
  const columns = [
    { header: pick(['指标编码', 'Indicator code'], locale), width: 14, numFmt: '@' },
    { header: pick(['名称', 'Name'], locale), width: 30 },
    { header: pick(['计量单位', 'Unit of measure'], locale), width: 10 },
    ...months.map((m) => ({ header: m, width: 10, numFmt: NUM })),
  ];
  const rows: Cell[][] = d.indicators.map((x) => [x.code, x.name, x.unitOfMeasure, ...months.map((m) => num(byKey.get(`${x.id}|${m}`)))]);
  const ws = addTable(wb, pick(['月度数据', 'Monthly values'], locale), columns, rows);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

/** Builds the plan's export workbook in the user's language. */
export async function buildExport(d: ExportData, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu';
  wb.title = `${d.plan.title}（${pick(['截至', 'as of'], locale)} ${d.plan.asOf}）`;
  itemSheet(wb, d, locale);
  indicatorSheet(wb, d, locale);
  valueSheet(wb, d, locale);
  return toBuffer(wb);
}
