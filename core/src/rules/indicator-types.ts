/** The five forms in which Chinese plans state targets (product.md "The domain"). */
export const INDICATOR_KINDS = ['amount', 'level', 'growth', 'limit', 'change'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const LIMIT_MODES = ['at_most', 'at_least', 'about'] as const;
export type LimitMode = (typeof LIMIT_MODES)[number];
export const STATUSES = ['done', 'green', 'yellow', 'red', 'nodata'] as const;
export type Status = (typeof STATUSES)[number];
export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Every threshold is configurable per plan and per indicator; these are the defaults. */
export interface Thresholds {
  /** r at or above which a ratio-judged indicator is green. */
  green: number;
  /** r at or above which it is yellow (below: red). */
  yellow: number;
  /** growth: percentage points below target still yellow. */
  growthYellowGap: number;
  /** limit: the warning margin inside a bound, as a fraction of the bound. */
  limitMargin: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { green: 0.95, yellow: 0.85, growthYellowGap: 1.0, limitMargin: 0.05 };

/** Scores with which status-judged indicators (growth, limit) enter a roll-up. */
export interface RollupScores {
  green: number;
  yellow: number;
  red: number;
}
export const DEFAULT_ROLLUP_SCORES: RollupScores = { green: 1.0, yellow: 0.9, red: 0.7 };

/** What the arithmetic needs to know about an indicator. Numbers are decimal strings. */
export interface IndicatorSpec {
  kind: IndicatorKind;
  /** level/change/growth: which way is better. amount is always `increase`. */
  direction: Direction;
  /** level/change: the value at the start of the year (last year's year-end). */
  baseline: string | null;
  /**
   * amount: the annual total; level: the year-end level; change: the change against the baseline
   * (1.3 percentage points, 8 places); growth: the target rate in %; limit: the bound
   * (`at_most`/`at_least`) — for `about` use `band`.
   */
  target: string;
  limitMode?: LimitMode;
  /** limit `about`: the band [low, high] (CPI 3%左右 → [2.5, 3.5]). */
  band?: [string, string];
  /** amount: a custom time-phased curve — the cumulative share of the target due by the end of each month (12 values). */
  curve?: number[] | null;
  frequency?: Frequency;
  thresholds?: Partial<Thresholds>;
}

/** One accepted value: month 1–12 and the value reported for it (for amount, that month's flow). */
export interface MonthValue {
  month: number;
  value: string;
}

export interface Evaluation {
  /** The latest month a value was owed for (0 when none is due yet). */
  month: number;
  expected: string | null;
  actual: string | null;
  /** Completion ratio r for amount/level/change; null where the kind is judged otherwise. */
  ratio: number | null;
  /** growth: actual − target in percentage points (direction-adjusted). */
  gap: number | null;
  status: Status;
  forecast: string | null;
  atRisk: boolean;
}
