import { Decimal } from 'decimal.js';
import { DEFAULT_THRESHOLDS, type IndicatorKind, type Thresholds } from './indicator-types.js';

/** 谋划 → 签约 → 开工 → 主体完工 → 竣工 → 投产, in order. */
export const PROJECT_STAGES = ['planning', 'signed', 'started', 'structure_done', 'completed', 'in_production'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** 工业, 基础设施, 创新平台, 民生, 农业, 城建. */
export const PROJECT_CATEGORIES = ['industry', 'infrastructure', 'innovation', 'livelihood', 'agriculture', 'urban'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
/** 三个一批: 签约一批, 开工一批, 投产一批. */
export const PROJECT_BATCHES = ['sign', 'start', 'production'] as const;
export type ProjectBatch = (typeof PROJECT_BATCHES)[number];
export const PROJECT_STATUSES = ['done', 'green', 'yellow', 'red'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** What a project-driven indicator computes from the registry. */
export const PROJECT_MEASURES = ['count', 'total_investment', 'annual_investment', 'completed_investment'] as const;
export type ProjectMeasure = (typeof PROJECT_MEASURES)[number];
/** 问题清单 states: open → resolved (by the owner unit) → closed (by the office), or reopened. */
export const PROBLEM_STATES = ['open', 'resolved', 'closed'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

export const stageIndex = (s: ProjectStage): number => PROJECT_STAGES.indexOf(s);
/** The stage after `s`, or null at 投产. */
export const nextStage = (s: ProjectStage): ProjectStage | null => PROJECT_STAGES[stageIndex(s) + 1] ?? null;
/** The stage before `s`, or null at 谋划. */
export const previousStage = (s: ProjectStage): ProjectStage | null => (stageIndex(s) > 0 ? PROJECT_STAGES[stageIndex(s) - 1]! : null);

/** Money units a project measure can be stated in, as 万元 per unit of the indicator. */
export const MONEY_UNITS: Record<string, number> = { 万元: 1, 亿元: 10000 };

const DAY_MS = 86_400_000;
/** Whole days from date a to date b (ISO `YYYY-MM-DD`), positive when b is later. */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

export interface MilestoneFact {
  stage: ProjectStage;
  plannedDate: string | null;
  actualDate: string | null;
}

/**
 * A milestone's delay in days as of a date: reached → actual − planned (negative when early);
 * not reached and planned date passed → days overdue so far; otherwise null (nothing to judge).
 */
export function milestoneDelay(m: MilestoneFact, asOf: string): number | null {
  if (!m.plannedDate) return null;
  if (m.actualDate) return daysBetween(m.plannedDate, m.actualDate);
  const overdue = daysBetween(m.plannedDate, asOf);
  return overdue > 0 ? overdue : null;
}

/** Days a pending milestone may be overdue before its project turns yellow / red. */
export interface ProjectDelayRule {
  yellowDays: number;
  redDays: number;
}
export const DEFAULT_DELAY_RULE: ProjectDelayRule = { yellowDays: 1, redDays: 30 };

export interface ProjectFacts {
  stage: ProjectStage;
  milestones: MilestoneFact[];
  /** 年度计划投资 (万元) of the project's year. */
  annualInvestment: number;
  /** Investment completed in the project's year up to the judged month (万元). */
  yearToDate: number;
  /** The last month of the year with accepted progress (0 or absent: none). */
  reportedThrough?: number;
}

export interface ProjectJudgement {
  status: ProjectStatus;
  /** Days the most overdue pending milestone is late (0 when none). */
  overdueDays: number;
  /** The stage whose milestone is most overdue, if any. */
  overdueStage: ProjectStage | null;
  /** Year-to-date investment ÷ the linear share of the annual plan; null when nothing is expected yet. */
  investmentRatio: number | null;
  reasons: ('milestone_overdue' | 'investment_behind')[];
}

/**
 * A project's status as of a date, judged in month `month` (months of the year completed):
 * `done` once in production; red when a pending milestone is more than `redDays` overdue or the
 * investment ratio is below the red threshold; yellow for a smaller slip or a yellow ratio; green otherwise.
 */
export function judgeProject(p: ProjectFacts, asOf: string, month: number, thresholds: Thresholds = DEFAULT_THRESHOLDS, rule: ProjectDelayRule = DEFAULT_DELAY_RULE): ProjectJudgement {
  let overdueDays = 0;
  let overdueStage: ProjectStage | null = null;
  for (const m of p.milestones) {
    if (m.actualDate || stageIndex(m.stage) <= stageIndex(p.stage)) continue;
    const d = milestoneDelay(m, asOf) ?? 0;
    if (d > overdueDays) [overdueDays, overdueStage] = [d, m.stage];
  }
  // Last month's progress may still be in review: until it is accepted the project's investment is
  // not judged (its milestones still are). Reporting staler than that is judged, and counts as behind.
  const awaiting = p.reportedThrough !== undefined && month > 0 && p.reportedThrough === month - 1;
  const expected = (p.annualInvestment * Math.min(Math.max(month, 0), 12)) / 12;
  const investmentRatio = expected > 0 && !awaiting ? p.yearToDate / expected : null;
  if (p.stage === 'in_production') return { status: 'done', overdueDays: 0, overdueStage: null, investmentRatio, reasons: [] };
  const reasons: ProjectJudgement['reasons'] = [];
  let level = 0;
  if (overdueDays >= rule.yellowDays) {
    reasons.push('milestone_overdue');
    level = overdueDays > rule.redDays ? 2 : 1;
  }
  if (investmentRatio !== null && investmentRatio < thresholds.green) {
    reasons.push('investment_behind');
    level = Math.max(level, investmentRatio < thresholds.yellow ? 2 : 1);
  }
  return { status: (['green', 'yellow', 'red'] as const)[level]!, overdueDays, overdueStage, investmentRatio, reasons };
}

/** Which projects a project-driven indicator counts or sums, and what. Stored on the indicator. */
export interface ProjectFilter {
  measure: ProjectMeasure;
  categories?: ProjectCategory[];
  batches?: ProjectBatch[];
  /** Count (or sum) a project only from the month it reached this stage. */
  stageReached?: ProjectStage;
  /** The project list's year (a zone's 2021 重点项目). */
  year?: number;
}

/** What computing an indicator from the registry needs of each project. */
export interface ProjectSeriesFacts {
  category: ProjectCategory;
  batches: ProjectBatch[];
  year: number;
  totalInvestment: number;
  annualInvestment: number;
  /** Stage → the date it was reached (only reached stages). */
  reached: Partial<Record<ProjectStage, string>>;
  /** Period `2021-03` → investment completed in that month (accepted progress only). */
  completed: Map<string, number>;
}

const period = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

function matches(p: ProjectSeriesFacts, f: ProjectFilter): boolean {
  if (f.categories?.length && !f.categories.includes(p.category)) return false;
  if (f.batches?.length && !f.batches.some((b) => p.batches.includes(b))) return false;
  return f.year === undefined || p.year === f.year;
}

/** The measure over the selected projects at the end of a day (`end`), counting progress of periods up to `upTo`. */
function levelAt(selected: ProjectSeriesFacts[], f: ProjectFilter, end: string, upTo: string): Decimal {
  let level = new Decimal(0);
  for (const pr of selected) {
    const at = f.stageReached ? pr.reached[f.stageReached] : undefined;
    if (f.stageReached && (!at || at > end)) continue;
    if (f.measure === 'count') level = level.plus(1);
    else if (f.measure === 'total_investment') level = level.plus(pr.totalInvestment);
    else if (f.measure === 'annual_investment') level = level.plus(pr.annualInvestment);
    else for (const [q, v] of pr.completed) if (q <= upTo) level = level.plus(v);
  }
  return level;
}

/** The series month by month with decimals: the general case (money that is not whole 万元, or sums past 2^53). */
function seriesWithDecimals(selected: ProjectSeriesFacts[], f: ProjectFilter, kind: IndicatorKind, scale: number, year: number, asOf: string): Map<string, string> {
  const out = new Map<string, string>();
  let previous = levelAt(selected, f, `${year - 2}-12-31`, `${year - 2}-12`);
  for (let y = year - 1; y <= year; y++) {
    for (let m = 1; m <= 12; m++) {
      const end = monthEnd(y, m);
      if (end >= asOf) return out;
      const level = levelAt(selected, f, end, period(y, m));
      // A month no selected project has accepted progress for is not known yet (nodata), not zero.
      if (f.measure === 'completed_investment' && !selected.some((p) => p.completed.has(period(y, m)))) {
        previous = level;
        continue;
      }
      out.set(period(y, m), (kind === 'amount' ? level.minus(previous) : level).div(scale).toString());
      previous = level;
    }
  }
  return out;
}

/**
 * The 25 month ends a series of `year` looks at: December of `year − 2` (slot 0, the level before
 * the series starts), then the 24 months of `year − 1` and `year` (slots 1–24).
 */
interface SeriesWindow {
  periods: string[];
  ends: string[];
}
const WINDOWS = new Map<number, SeriesWindow>();
function windowOf(year: number): SeriesWindow {
  let w = WINDOWS.get(year);
  if (!w) {
    const periods = [period(year - 2, 12)];
    const ends = [`${year - 2}-12-31`];
    for (let y = year - 1; y <= year; y++) {
      for (let m = 1; m <= 12; m++) {
        periods.push(period(y, m));
        ends.push(monthEnd(y, m));
      }
    }
    w = { periods, ends };
    WINDOWS.set(year, w);
  }
  return w;
}

/** The first slot whose key is at or after `key` (keys sorted); `keys.length` when none is. */
function firstAtOrAfter(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A project's completed investment cumulated through each slot of a window, in whole 万元. */
interface Cumulative {
  /** Slot → progress of periods up to the slot's month (slot 0: everything up to December of `year − 2`). */
  sums: number[];
  /** Slot → whether the project has progress for exactly that month. */
  has: boolean[];
  /** Every figure a safe integer: plain number arithmetic is exact. */
  exact: boolean;
}

/**
 * Cumulated progress per project and window year, computed once per progress map: one evaluation
 * computes hundreds of indicators from the same facts. The maps are read as immutable once passed.
 */
const CUMULATIVE = new WeakMap<Map<string, number>, { size: number; byYear: Map<number, Cumulative> }>();

function cumulativeOf(p: ProjectSeriesFacts, year: number): Cumulative {
  let cache = CUMULATIVE.get(p.completed);
  if (!cache || cache.size !== p.completed.size) {
    cache = { size: p.completed.size, byYear: new Map() };
    CUMULATIVE.set(p.completed, cache);
  }
  let c = cache.byYear.get(year);
  if (!c) {
    const { periods } = windowOf(year);
    const sums = new Array<number>(periods.length).fill(0);
    const has = new Array<boolean>(periods.length).fill(false);
    let exact = true;
    for (const [q, v] of p.completed) {
      // Progress of a period counts from the first slot whose month is not before it.
      const slot = firstAtOrAfter(periods, q);
      if (slot === periods.length) continue;
      if (!Number.isSafeInteger(v)) exact = false;
      sums[slot]! += v;
      if (periods[slot] === q) has[slot] = true;
    }
    for (let k = 1; k < sums.length; k++) sums[k]! += sums[k - 1]!;
    if (!sums.every(Number.isSafeInteger)) exact = false;
    c = { sums, has, exact };
    cache.byYear.set(year, c);
  }
  return c;
}

/**
 * The monthly values of a project-driven indicator for `year − 1` and `year`, up to the last month
 * completed before `asOf`. The measure is first taken as a level at the end of each month (projects
 * counted, investment summed, completed investment cumulated); an `amount` indicator gets each
 * month's increase of that level, other kinds the level itself. Money is scaled from 万元 to the
 * indicator's unit (`万元` or `亿元`).
 *
 * Money is whole 万元, so levels are summed as plain integers (exact below 2^53), each project
 * entering at the month it reached the stage, in O(projects × months); anything else falls back
 * to decimals month by month.
 * @returns period → decimal string
 */
export function projectIndicatorSeries(projects: ProjectSeriesFacts[], f: ProjectFilter, kind: IndicatorKind, unitOfMeasure: string, year: number, asOf: string): Map<string, string> {
  const scale = f.measure === 'count' ? 1 : (MONEY_UNITS[unitOfMeasure] ?? 1);
  const selected = projects.filter((p) => matches(p, f));
  const { periods, ends } = windowOf(year);
  // Slots 1…last are the months completed before the business date; slot 0 is the level before them.
  const last = firstAtOrAfter(ends, asOf) - 1;
  const out = new Map<string, string>();
  if (last < 1) return out;
  const levels = new Array<number>(last + 1).fill(0);
  const known = new Array<boolean>(last + 1).fill(f.measure !== 'completed_investment');
  for (const p of selected) {
    // The first slot at whose end the project counts (reached on or before that day).
    let from = 0;
    if (f.stageReached) {
      const at = p.reached[f.stageReached];
      from = at ? firstAtOrAfter(ends, at) : ends.length;
    }
    if (f.measure === 'completed_investment') {
      const c = cumulativeOf(p, year);
      if (!c.exact) return seriesWithDecimals(selected, f, kind, scale, year, asOf);
      for (let k = 1; k <= last; k++) if (c.has[k]) known[k] = true;
      for (let k = from; k <= last; k++) levels[k]! += c.sums[k]!;
    } else {
      const v = f.measure === 'count' ? 1 : f.measure === 'total_investment' ? p.totalInvestment : p.annualInvestment;
      if (!Number.isSafeInteger(v)) return seriesWithDecimals(selected, f, kind, scale, year, asOf);
      if (from <= last) levels[from]! += v;
    }
  }
  if (f.measure !== 'completed_investment') for (let k = 1; k <= last; k++) levels[k]! += levels[k - 1]!;
  if (!levels.every(Number.isSafeInteger)) return seriesWithDecimals(selected, f, kind, scale, year, asOf);
  for (let k = 1; k <= last; k++) {
    // A month no selected project has accepted progress for is not known yet (nodata), not zero.
    if (!known[k]) continue;
    const value = kind === 'amount' ? levels[k]! - levels[k - 1]! : levels[k]!;
    out.set(periods[k]!, scale === 1 ? String(value) : new Decimal(value).div(scale).toString());
  }
  return out;
}
