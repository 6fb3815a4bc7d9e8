import { Decimal } from 'decimal.js';
import type { MonthValue } from './indicator-types.js';

/**
 * Year-end total of a flow. With last year's monthly flows, scales this year's cumulative by the
 * share last year had reached by the same month (the seasonal profile); otherwise least squares
 * through the origin on the cumulative series, extended to month 12.
 */
export function projectAmount(values: MonthValue[], month: number, lastYear?: MonthValue[]): Decimal | null {
  const upTo = values.filter((v) => v.month <= month).sort((a, b) => a.month - b.month);
  if (upTo.length === 0 || month === 0) return null;
  const cumulative = upTo.reduce((s, v) => s.plus(v.value), new Decimal(0));
  if (lastYear && lastYear.length > 0) {
    const total = lastYear.reduce((s, v) => s.plus(v.value), new Decimal(0));
    const share = lastYear.filter((v) => v.month <= month).reduce((s, v) => s.plus(v.value), new Decimal(0));
    if (total.gt(0) && share.gt(0)) return cumulative.times(total).div(share).toDecimalPlaces(4);
  }
  let running = new Decimal(0);
  let tc = new Decimal(0);
  let tt = new Decimal(0);
  for (const v of upTo) {
    running = running.plus(v.value);
    tc = tc.plus(running.times(v.month));
    tt = tt.plus(v.month * v.month);
  }
  return tc.div(tt).times(12).toDecimalPlaces(4);
}

/** Year-end level by ordinary least squares over (0, start) and the monthly values, at month 12. */
export function projectTrend(values: MonthValue[], month: number, start: string | null): Decimal | null {
  const points = values.filter((v) => v.month <= month).map((v) => [v.month, new Decimal(v.value)] as const);
  if (start !== null) points.unshift([0, new Decimal(start)]);
  if (points.length === 0) return null;
  if (points.length === 1) return points[0]![1];
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s.plus(y), new Decimal(0)).div(n);
  let sxy = new Decimal(0);
  let sxx = 0;
  for (const [x, y] of points) {
    sxy = sxy.plus(y.minus(my).times(x - mx));
    sxx += (x - mx) ** 2;
  }
  if (sxx === 0) return my;
  return my.plus(sxy.div(sxx).times(12 - mx)).toDecimalPlaces(4);
}
