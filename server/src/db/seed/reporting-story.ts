import type { ReportState } from '@lantu/core';

/*
 * The demo zone's monthly reporting as of its business date 2021-03-15 (春节 was 2021-02-12, so the office
 * moved February's deadlines before the holiday):
 *
 * - 2021-01: open 01-01, due 01-25, close 02-05, closed on 02-06. Every unit's report was accepted; 自然资源和
 *   生态环境局 (ZRJ) submitted two days late. The accepted January values and progress carry these reports' ids.
 * - 2021-02: open 02-01, due 03-10 (was 02-25), close 03-20 (was 03-05), still open. Thirteen units accepted
 *   (社会事业局 a day late); 科技创新局 approved by its head, waiting for the office; 农业农村局 submitted,
 *   waiting for its head; 规划建设局 returned by the office on one line; 自然资源和生态环境局 not started (the
 *   plan has no February value of VPLAN-2021); 经济发展局 (JFJ) a draft five days late: its lines hold the
 *   February progress of the 44 projects it leads, which is therefore not accepted yet (projects-progress.ts
 *   acceptedByAsOf), except three lines left empty for the browser journey (JFJ_EMPTY_LINES).
 * - no 2021-03 cycle yet: the office opens it in the journey.
 *
 * The February figures the lines carry are the seed data's (projects-*.ts, plan-2021-indicators.ts), so
 * accepting JFJ's report with JFJ_EMPTY_LINES' figures restores 4.5亿元 of industrial investment in February.
 */

/** The business date the story is told at. */
export const STORY_AS_OF = '2021-03-15';

export interface SeedCycle {
  period: string;
  openDate: string;
  dueDate: string;
  closeDate: string;
  /** The day the scheduler closed it (after the close date); absent while open. */
  closedOn?: string;
  /** The day the office moved its due and close dates (from the defaults). */
  extendedOn?: string;
}

export const DEMO_CYCLES: SeedCycle[] = [
  { period: '2021-01', openDate: '2021-01-01', dueDate: '2021-01-25', closeDate: '2021-02-05', closedOn: '2021-02-06' },
  { period: '2021-02', openDate: '2021-02-01', dueDate: '2021-03-10', closeDate: '2021-03-20', extendedOn: '2021-02-08' },
];

/** Where a unit's report of a month stands, with the business dates of the steps it went through. */
export interface SeedReportLife {
  state: ReportState;
  /** Last save of a draft. */
  saved?: string;
  submitted?: string;
  approved?: string;
  accepted?: string;
  returned?: string;
}

const accepted = (submitted: string, approved: string, acceptedOn: string): SeedReportLife => ({ state: 'accepted', submitted, approved, accepted: acceptedOn });
const jan = (s: number, a: number, c: number) => accepted(`2021-01-${s}`, `2021-01-${a}`, c < 10 ? `2021-02-0${c}` : `2021-01-${c}`);
const feb = (s: number, a: number, c: number) => accepted(`2021-03-${String(s).padStart(2, '0')}`, `2021-03-${String(a).padStart(2, '0')}`, `2021-03-${String(c).padStart(2, '0')}`);

/**
 * Every unit owing a report, by DEMO_UNITS code, per period. A unit owing a report without a life here
 * (the plan data gained one) stops the seed: the story must say where its report stands.
 */
export const REPORT_LIVES: Record<string, Record<string, SeedReportLife>> = {
  '2021-01': {
    JFJ: jan(21, 22, 27), 'JFJ-GY': jan(20, 21, 26), 'JFJ-TJ': jan(22, 22, 26), KJJ: jan(19, 20, 26), ZSJ: jan(22, 25, 27),
    CZJ: jan(18, 19, 26), GJJ: jan(25, 25, 28), ZRJ: jan(27, 28, 2), SYJ: jan(22, 25, 28), NYJ: jan(20, 21, 27),
    YJJ: jan(18, 19, 26), QFZ: jan(21, 22, 27), WCJD: jan(19, 20, 26), YMZ: jan(22, 25, 28), SJZX: jan(20, 22, 27),
    DZB: jan(21, 22, 27), DGB: jan(25, 25, 29), MBB: jan(20, 21, 26),
  },
  '2021-02': {
    JFJ: { state: 'draft', saved: '2021-03-12' },
    'JFJ-GY': feb(5, 8, 11), 'JFJ-TJ': feb(9, 9, 12), ZSJ: feb(4, 5, 9), CZJ: feb(3, 4, 9), SYJ: feb(11, 11, 12),
    YJJ: feb(1, 2, 9), QFZ: feb(2, 3, 9), WCJD: feb(1, 2, 9), YMZ: feb(3, 5, 11), SJZX: feb(2, 3, 9),
    DZB: feb(5, 8, 11), DGB: feb(3, 4, 9), MBB: feb(4, 5, 9),
    KJJ: { state: 'unit_approved', submitted: '2021-03-05', approved: '2021-03-08' },
    NYJ: { state: 'submitted', submitted: '2021-03-09' },
    GJJ: { state: 'returned', submitted: '2021-03-08', approved: '2021-03-09', returned: '2021-03-12' },
    ZRJ: { state: 'not_started' },
  },
};

/** The units whose figures the office returned, with the line (item code of the annual plan) and the reason. */
export const RETURNED_LINES: Record<string, { period: string; itemCode: string; reason: string; comment: string }> = {
  GJJ: { period: '2021-02', itemCode: '3.2', reason: '路桥工程开复工数与项目库不一致，请核实', comment: '请核实路桥工程开复工数后重新提交' },
};

/**
 * The three lines of JFJ's February draft left empty, with the figures the browser journey types in
 * (万元, the seed data's February progress of these projects; each within ±50 % of January, so none is flagged).
 * The draft's filled industrial lines (43 450万) plus these (1 550万) make February's 45 000万 (4.5亿元).
 */
export const JFJ_EMPTY_LINES = [
  { code: 'GY2021-008', name: '天宝桓祥六面顶压机智能车间项目', completedInvestment: 450, january: 400 },
  { code: 'GY2021-014', name: '年产2万吨特种碳化硅微粉项目', completedInvestment: 650, january: 550 },
  { code: 'GY2021-023', name: '数控刀具及超硬材料制品项目', completedInvestment: 450, january: 400 },
] as const;

/** The draft whose lines JFJ_EMPTY_LINES are. */
export const JFJ_DRAFT = { unit: 'JFJ', period: '2021-02' } as const;

/** Months a project owes progress for but the seed data has no figures: it reported no investment. */
export const NO_INVESTMENT: Record<string, Record<string, { text: string; note: string }>> = {
  'GY2021-042': {
    '2021-01': { text: '与中方检测集团对接，开展项目可行性论证', note: '项目尚在洽谈，本月无投资' },
    '2021-02': { text: '赴中方检测集团总部洽谈，投资协议条款磋商中', note: '项目尚在洽谈，本月无投资' },
  },
};

/** A business date's moment in 焦作 (UTC+8). */
export const at = (date: string, time = '09:00'): Date => new Date(`${date}T${time}:00+08:00`);
