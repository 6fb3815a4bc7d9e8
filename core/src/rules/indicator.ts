import { Decimal } from 'decimal.js';
import {
  DEFAULT_THRESHOLDS,
  type Evaluation,
  type Frequency,
  type IndicatorSpec,
  type MonthValue,
  type Status,
  type Thresholds,
} from './indicator-types.js';
import { projectAmount, projectTrend } from './forecast.js';

const D = (v: string | number) => new Decimal(v);
const OWED: Record<Frequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, annual: 12 };

/** The latest month up to `month` for which a value is owed at this frequency. */
export function owedMonth(month: number, frequency: Frequency = 'monthly'): number {
  const step = OWED[frequency];
  return Math.floor(month / step) * step;
}

/** Growth rate in % from this year's and last year's same-period cumulative amounts. */
export function growthFromAmounts(current: string, lastYear: string): string | null {
  const last = D(lastYear);
  if (last.isZero()) return null;
  return D(current).div(last).minus(1).times(100).toDecimalPlaces(2).toString();
}

/** The year-end level a level/change indicator aims at. */
export function targetLevel(spec: IndicatorSpec): Decimal {
  if (spec.kind !== 'change') return D(spec.target);
  const base = D(spec.baseline ?? 0);
  return spec.direction === 'decrease' ? base.minus(spec.target) : base.plus(spec.target);
}

/** Expected-to-date at the end of `month`: 序时进度 (linear or custom curve) for amount, the linear path for level/change. */
export function expectedToDate(spec: IndicatorSpec, month: number): Decimal | null {
  if (spec.kind === 'amount') {
    if (spec.curve?.length === 12) return D(spec.target).times(month === 0 ? 0 : spec.curve[month - 1]!);
    return D(spec.target).times(month).div(12);
  }
  if (spec.kind === 'level' || spec.kind === 'change') {
    const base = D(spec.baseline ?? 0);
    return base.plus(targetLevel(spec).minus(base).times(month).div(12));
  }
  return null;
}

/** Actual-to-date: the sum of monthly flows for amount, the latest value otherwise. */
export function actualToDate(spec: IndicatorSpec, values: MonthValue[], month: number): Decimal | null {
  const upTo = values.filter((v) => v.month <= month).sort((a, b) => a.month - b.month);
  if (upTo.length === 0) return null;
  if (spec.kind === 'amount') return upTo.reduce((sum, v) => sum.plus(v.value), D(0));
  return D(upTo[upTo.length - 1]!.value);
}

const better = (spec: IndicatorSpec, a: Decimal, b: Decimal) => (spec.direction === 'decrease' && spec.kind !== 'amount' ? a.lte(b) : a.gte(b));

function byRatio(r: number, t: Thresholds): Status {
  return r >= t.green ? 'green' : r >= t.yellow ? 'yellow' : 'red';
}

/** limit: green well inside the bound, yellow inside but within the margin, red outside. */
export function limitStatus(spec: IndicatorSpec, value: Decimal, t: Thresholds): Status {
  const check = (inside: boolean, distance: Decimal, bound: Decimal): Status =>
    !inside ? 'red' : distance.lt(bound.abs().times(t.limitMargin)) ? 'yellow' : 'green';
  if (spec.limitMode === 'about') {
    const [low, high] = (spec.band ?? [spec.target, spec.target]).map(D) as [Decimal, Decimal];
    const nearer = value.minus(low).abs().lte(high.minus(value).abs()) ? low : high;
    return check(value.gte(low) && value.lte(high), value.minus(nearer).abs(), nearer);
  }
  const bound = D(spec.target);
  if (spec.limitMode === 'at_least') return check(value.gte(bound), value.minus(bound), bound);
  return check(value.lte(bound), bound.minus(value), bound);
}

/** Ratio r for amount/level/change; a zero expected progress is judged by whether the value holds the target. */
function ratioOf(spec: IndicatorSpec, actual: Decimal, expected: Decimal): number | null {
  if (spec.kind === 'amount') return expected.isZero() ? null : actual.div(expected).toNumber();
  const base = D(spec.baseline ?? 0);
  const sign = spec.direction === 'decrease' ? -1 : 1;
  const expectedProgress = expected.minus(base).times(sign);
  if (expectedProgress.isZero()) return null;
  return actual.minus(base).times(sign).div(expectedProgress).toNumber();
}

/**
 * Judges one indicator at the end of `month` (1–12) from its accepted values:
 * expected and actual to date, completion ratio, status, year-end forecast and at-risk flag.
 * @param options.forecast false: skip the year-end forecast (`forecast` null, `atRisk` false) when
 *   only the status and ratio are wanted, as roll-ups are: it is most of the arithmetic
 */
export function evaluateIndicator(spec: IndicatorSpec, values: MonthValue[], month: number, lastYear?: MonthValue[], options: { forecast?: boolean } = {}): Evaluation {
  const t = { ...DEFAULT_THRESHOLDS, ...spec.thresholds };
  const owed = owedMonth(month, spec.frequency);
  const expected = expectedToDate(spec, owed);
  const actual = actualToDate(spec, values, owed);
  const base: Evaluation = { month: owed, expected: expected?.toString() ?? null, actual: actual?.toString() ?? null, ratio: null, gap: null, status: 'nodata', forecast: null, atRisk: false };
  const forecast = options.forecast === false ? null : forecastOf(spec, values, owed, lastYear);
  base.forecast = forecast?.toString() ?? null;
  if (owed === 0 || actual === null || !values.some((v) => v.month === owed)) return base;

  let status: Status;
  const goal = goalOf(spec);
  if (spec.kind === 'growth') {
    base.gap = actual.minus(spec.target).times(spec.direction === 'decrease' ? -1 : 1).toNumber();
    status = base.gap >= 0 ? 'green' : base.gap >= -t.growthYellowGap ? 'yellow' : 'red';
  } else if (spec.kind === 'limit') {
    status = limitStatus(spec, actual, t);
  } else {
    base.ratio = ratioOf(spec, actual, expected!);
    status = base.ratio === null ? (better(spec, actual, goal!) ? 'green' : 'red') : byRatio(base.ratio, t);
  }
  // Done: the annual target is already reached. A target that asks for no progress (hold a level)
  // and a rate or bound that must hold all year are only done when the year is.
  const reached = goal ? better(spec, actual, goal) : status === 'green';
  if (reached && (owed === 12 || (goal !== null && asksForProgress(spec, goal)))) status = 'done';
  base.status = status;
  base.atRisk = status === 'green' && forecast !== null && missesTarget(spec, forecast, t);
  return base;
}

/** The annual goal a ratio-judged indicator must reach (amount total, year-end level). */
function goalOf(spec: IndicatorSpec): Decimal | null {
  if (spec.kind === 'amount') return D(spec.target);
  return spec.kind === 'level' || spec.kind === 'change' ? targetLevel(spec) : null;
}

function asksForProgress(spec: IndicatorSpec, goal: Decimal): boolean {
  return spec.kind === 'amount' ? goal.gt(0) : !goal.eq(spec.baseline ?? 0);
}

function forecastOf(spec: IndicatorSpec, values: MonthValue[], owed: number, lastYear?: MonthValue[]): Decimal | null {
  if (spec.kind === 'amount') return projectAmount(values, owed, lastYear);
  const start = spec.kind === 'level' || spec.kind === 'change' ? spec.baseline : null;
  return projectTrend(values, owed, start);
}

function missesTarget(spec: IndicatorSpec, forecast: Decimal, t: Thresholds): boolean {
  if (spec.kind === 'limit') return limitStatus(spec, forecast, t) === 'red';
  if (spec.kind === 'growth') return !better(spec, forecast, D(spec.target));
  return !better(spec, forecast, spec.kind === 'amount' ? D(spec.target) : targetLevel(spec));
}
