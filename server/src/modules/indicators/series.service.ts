import { actualToDate, expectedToDate } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { evaluateRow, loadSeries, monthValues, periodOf, specOf } from './evaluation.js';
import { getIndicatorContext } from './indicators.service.js';

export interface SeriesMonth {
  period: string;
  expected: string | null;
  actual: string | null;
  value: string | null;
  forecast: string | null;
}

/**
 * The indicator page's chart, per month of the indicator's year: the time-phased target
 * (序时进度; growth and `at_most`/`at_least` limits: the flat target), the actual to date
 * (cumulative for amount, the latest value otherwise) up to the last value, the raw value,
 * and the forecast line from the last actual (as of the business date) to the year-end forecast.
 * @throws AppError not_found when the indicator is not in the zone
 */
export async function indicatorSeries(db: DbOrTx, zoneId: string, indicatorId: string): Promise<{ months: SeriesMonth[] }> {
  const c = await getIndicatorContext(db, zoneId, indicatorId);
  const row = c.row;
  const asOf = c.asOf;
  const series = await loadSeries(db, zoneId, [row], undefined, asOf);
  const ev = evaluateRow(row, series, asOf, c.planThresholds);
  const spec = specOf(row, c.planThresholds);
  const raw = series.get(row.id);
  const values = monthValues(raw, row.year);
  const lastValueMonth = values.length ? values[values.length - 1]!.month : 0;
  const flat = row.kind === 'growth' || (row.kind === 'limit' && row.limitMode !== 'about') ? row.target : null;
  // The forecast line starts at the last actual on or before the judged month and ends at the year-end forecast.
  const from = values.filter((v) => v.month <= ev.month).pop()?.month ?? 0;
  const start = from ? actualToDate(spec, values, from) : null;
  const months: SeriesMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    let forecast: string | null = null;
    if (start && ev.forecast !== null && m >= from) {
      forecast = from === 12 ? start.toString() : start.plus(start.negated().plus(ev.forecast).times(m - from).div(12 - from)).toDecimalPlaces(4).toString();
    }
    months.push({
      period: periodOf(row.year, m),
      expected: expectedToDate(spec, m)?.toDecimalPlaces(4).toString() ?? flat,
      actual: m <= lastValueMonth ? (actualToDate(spec, values, m)?.toString() ?? null) : null,
      value: raw?.get(periodOf(row.year, m)) ?? null,
      forecast,
    });
  }
  return { months };
}
