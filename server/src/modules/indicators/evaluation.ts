import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import {
  type Evaluation,
  type FormulaNode,
  type IndicatorSpec,
  type MonthValue,
  type Thresholds,
  evaluateFormula,
  evaluateIndicator,
  formulaReferences,
  parseFormula,
} from '@lantu/core';
import { type DbOrTx, queryRows } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { asText, jsonRows } from '../plans/json-rows.js';
import { type ProgressOverlay, projectSeries } from '../projects/series.js';
import { zone } from '../zones/zones.table.js';
import { planItem } from '../plans/plans.table.js';
import { indicator, indicatorValue } from './indicators.table.js';

/** What evaluating an indicator needs of its row (a full row will do). */
export type IndicatorRow = Pick<
  typeof indicator.$inferSelect,
  | 'id'
  | 'itemId'
  | 'code'
  | 'kind'
  | 'direction'
  | 'unitOfMeasure'
  | 'year'
  | 'baseline'
  | 'target'
  | 'limitMode'
  | 'bandLow'
  | 'bandHigh'
  | 'curve'
  | 'frequency'
  | 'thresholds'
  | 'source'
  | 'formula'
  | 'projectFilter'
  | 'weight'
>;

/** The evaluation fields of indicators, for jsonRows. */
export const INDICATOR_FIELDS = {
  id: indicator.id,
  itemId: indicator.itemId,
  code: indicator.code,
  kind: indicator.kind,
  direction: indicator.direction,
  unitOfMeasure: indicator.unitOfMeasure,
  year: indicator.year,
  baseline: asText(indicator.baseline),
  target: asText(indicator.target),
  limitMode: indicator.limitMode,
  bandLow: asText(indicator.bandLow),
  bandHigh: asText(indicator.bandHigh),
  curve: indicator.curve,
  frequency: indicator.frequency,
  thresholds: indicator.thresholds,
  source: indicator.source,
  formula: indicator.formula,
  projectFilter: indicator.projectFilter,
  weight: asText(indicator.weight),
};
/** Values of each indicator (accepted stored ones, or computed): indicator id → (period `2021-03` → value). */
export type Series = Map<string, Map<string, string>>;

const THRESHOLD_KEYS = ['green', 'yellow', 'growthYellowGap', 'limitMargin'] as const;

const OVERRIDE_KEYS = ['green', 'yellow', 'growthYellowGap', 'limitMargin', 'scoreGreen', 'scoreYellow', 'scoreRed'] as const;

/** Stored overrides reduced to the known keys with numeric values, as the API answers them. */
export function knownOverrides(stored: Record<string, number> | null | undefined): Partial<Record<(typeof OVERRIDE_KEYS)[number], number>> {
  const out: Partial<Record<(typeof OVERRIDE_KEYS)[number], number>> = {};
  for (const k of OVERRIDE_KEYS) if (typeof stored?.[k] === 'number') out[k] = stored[k];
  return out;
}

/** The threshold part of a plan's or an indicator's overrides (score overrides are for roll-ups). */
export function thresholdsOf(overrides: Record<string, number> | null | undefined): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const k of THRESHOLD_KEYS) if (typeof overrides?.[k] === 'number') out[k] = overrides[k];
  return out;
}

/**
 * The month an indicator is judged at, as of the zone's business date: the months of the
 * indicator's year completed before that date (as of 2021-03-15: 2), 12 for past years, 0 for future ones.
 */
export function evaluationMonth(asOf: string, year: number): number {
  const y = Number(asOf.slice(0, 4));
  if (year < y) return 12;
  if (year > y) return 0;
  return Number(asOf.slice(5, 7)) - 1;
}

/** What the arithmetic needs from a stored indicator; the indicator's thresholds override the plan's. */
export function specOf(row: IndicatorRow, planThresholds: Record<string, number> | null | undefined): IndicatorSpec {
  return {
    kind: row.kind as IndicatorSpec['kind'],
    direction: row.direction as IndicatorSpec['direction'],
    baseline: row.baseline,
    target: row.target,
    ...(row.limitMode ? { limitMode: row.limitMode as IndicatorSpec['limitMode'] } : {}),
    ...(row.bandLow !== null && row.bandHigh !== null ? { band: [row.bandLow, row.bandHigh] as [string, string] } : {}),
    curve: row.curve ?? null,
    frequency: row.frequency as IndicatorSpec['frequency'],
    thresholds: { ...thresholdsOf(planThresholds), ...thresholdsOf(row.thresholds) },
  };
}

/** The period key of a month: `2021-03`. */
export const periodOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The twelve period keys of a year, made once (a plan's evaluation looks up thousands). */
const PERIODS = new Map<number, string[]>();
const periodsOf = (year: number): string[] => PERIODS.get(year) ?? PERIODS.set(year, Array.from({ length: 12 }, (_, i) => periodOf(year, i + 1))).get(year)!;

/** The values of one year as month/value pairs, in month order. */
export function monthValues(values: Map<string, string> | undefined, year: number): MonthValue[] {
  const out: MonthValue[] = [];
  if (!values || values.size === 0) return out;
  const periods = periodsOf(year);
  for (let m = 1; m <= 12; m++) {
    const v = values.get(periods[m - 1]!);
    if (v !== undefined) out.push({ month: m, value: v });
  }
  return out;
}

/** Parsed formulas by text (null: does not parse): a plan's formulas are read several times per evaluation, and by every request. */
const FORMULAS = new Map<string, FormulaNode | null>();
const parsed = (row: IndicatorRow): FormulaNode | null => {
  if (row.source !== 'formula' || !row.formula) return null;
  let ast = FORMULAS.get(row.formula);
  if (ast === undefined) {
    try {
      ast = parseFormula(row.formula);
    } catch {
      ast = null;
    }
    if (FORMULAS.size >= 20_000) FORMULAS.clear();
    FORMULAS.set(row.formula, ast);
  }
  return ast;
};

/** Loads the indicators formulas reference (transitively) that are not loaded yet, by code. */
async function formulaClosure(db: DbOrTx, zoneId: string, rows: IndicatorRow[]): Promise<Map<string, IndicatorRow>> {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  let frontier = rows;
  for (let round = 0; round < 20 && frontier.length; round++) {
    const wanted = new Set<string>();
    for (const r of frontier) for (const code of formulaReferences(parsed(r) ?? { type: 'num', value: '0' })) if (!byCode.has(code)) wanted.add(code);
    if (wanted.size === 0) break;
    frontier = await jsonRows<IndicatorRow>(db, INDICATOR_FIELDS, sql`from ${indicator} where ${and(eq(indicator.zoneId, zoneId), inArray(indicator.code, [...wanted]))}`);
    for (const r of frontier) byCode.set(r.code, r);
  }
  return byCode;
}

/**
 * Accepted values of the indicators `which` selects (a condition on `indicator`), of the two years
 * an evaluation reads (the indicator's year and the one before, for the seasonal forecast), added to
 * `series`. One index range (indicator, period) per indicator, and one text back
 * (`id period=value period=value…,…`): the cheapest shape for PGlite to return.
 * @param twoYears a condition on `indicator`: which need the year before too (default all)
 */
async function addValues(db: DbOrTx, which: SQL, series: Series, twoYears: SQL = sql`true`): Promise<void> {
  const [row] = await queryRows<{ s: string | null }>(
    db,
    sql`select string_agg(${indicator.id}::text || ' ' || x.vals, ',') as s from ${indicator}
        cross join lateral (
          select string_agg(${indicatorValue.period} || '=' || ${indicatorValue.value}::text, ' ') as vals from ${indicatorValue}
          where ${indicatorValue.indicatorId} = ${indicator.id} and ${indicatorValue.reviewState} = 'accepted'
            and ${indicatorValue.period} >= (${indicator.year} - case when ${twoYears} then 1 else 0 end)::text || '-01'
            and ${indicatorValue.period} <= ${indicator.year}::text || '-12') x
        where ${which} and x.vals is not null`,
  );
  // Added value by value: a plan's values run to tens of thousands, too many to spread into a call.
  for (const t of row?.s ? row.s.split(',') : []) {
    const [id, ...months] = t.split(' ');
    const values = series.get(id!) ?? series.set(id!, new Map()).get(id!)!;
    for (const m of months) {
      const i = m.indexOf('=');
      values.set(m.slice(0, i), m.slice(i + 1));
    }
  }
}

/** Sources whose values are computed, never entered: a formula over other indicators, or the project registry. */
export const COMPUTED_SOURCES: readonly string[] = ['formula', 'projects'];
export const isComputedSource = (source: string): boolean => COMPUTED_SOURCES.includes(source);

/**
 * The zone's business date: indicators are judged as of it.
 * @throws AppError not_found when the zone does not exist
 */
export async function asOfDate(db: DbOrTx, zoneId: string): Promise<string> {
  const [z] = await db.select({ asOf: zone.asOfDate }).from(zone).where(eq(zone.id, zoneId));
  if (!z) throw new AppError('not_found');
  return z.asOf;
}

/** Stored accepted values of the indicators that are entered (not computed), as a series. */
async function storedSeries(db: DbOrTx, rows: IndicatorRow[], given: Set<string>, ofPlan: string | undefined, twoYears: SQL): Promise<Series> {
  const reported = rows.filter((r) => !isComputedSource(r.source) && (!ofPlan || !given.has(r.id))).map((r) => r.id);
  const series: Series = new Map();
  if (ofPlan) await addValues(db, sql`${indicator.itemId} in (select ${planItem.id} from ${planItem} where ${planItem.planId} = ${ofPlan})`, series, twoYears);
  for (let i = 0; i < reported.length; i += 5000) await addValues(db, inArray(indicator.id, reported.slice(i, i + 5000)), series, twoYears);
  return series;
}

/**
 * Fills in the formula indicators' values month by month, from what they reference (already in `series`).
 * @param lastYear false: only the formula's own year (not the year before)
 */
function formulaSeries(byCode: Map<string, IndicatorRow>, series: Series, lastYear = true): void {
  const visiting = new Set<string>();
  const computed = (row: IndicatorRow): Map<string, string> => {
    if (row.source !== 'formula') return series.get(row.id) ?? new Map();
    if (series.has(row.id)) return series.get(row.id)!;
    const out = new Map<string, string>();
    const ast = parsed(row);
    if (!ast || visiting.has(row.id)) return out;
    visiting.add(row.id);
    const refSeries = new Map(formulaReferences(ast).map((code) => [code, byCode.has(code) ? computed(byCode.get(code)!) : undefined] as const));
    for (const year of lastYear ? [row.year - 1, row.year] : [row.year]) {
      for (const p of periodsOf(year)) {
        const v = evaluateFormula(ast, (code) => refSeries.get(code)?.get(p) ?? null);
        if (v !== null) out.set(p, v);
      }
    }
    visiting.delete(row.id);
    series.set(row.id, out);
    return out;
  };
  for (const r of byCode.values()) computed(r);
}

/**
 * Values of the given indicators, in a handful of queries: accepted stored values of reported
 * indicators; project-driven ones computed from the registry as of the zone's business date (the
 * zone's projects loaded once, only when such an indicator is among them or referenced); formula
 * indicators month by month from the indicators they reference (loaded as needed).
 * @param ofPlan when the rows are all the indicators of this plan, their values are selected by plan (faster than by id)
 * @param asOf the zone's business date when the caller has it (read from the zone otherwise, only if needed)
 * @param options.lastYear false: only each indicator's own year, not the year before (which only the
 *   year-end forecast reads: see evaluateRow) — except for indicators a formula references, whose
 *   values a formula of another year may need
 * @throws AppError not_found when project-driven indicators need the business date of a zone that does not exist
 */
export async function loadSeries(
  db: DbOrTx,
  zoneId: string,
  rows: IndicatorRow[],
  ofPlan?: string,
  asOf?: string,
  overlay?: Overlay,
  options: { lastYear?: boolean } = {},
): Promise<Series> {
  const byCode = await formulaClosure(db, zoneId, rows);
  const all = [...byCode.values()];
  const lastYear = options.lastYear !== false;
  const referenced = new Set<string>();
  if (!lastYear) for (const r of all) for (const code of formulaReferences(parsed(r) ?? { type: 'num', value: '0' })) if (byCode.has(code)) referenced.add(byCode.get(code)!.id);
  const twoYears = lastYear ? sql`true` : referenced.size ? inArray(indicator.id, [...referenced]) : sql`false`;
  const series = await storedSeries(db, all, new Set(rows.map((r) => r.id)), ofPlan, twoYears);
  const entered = new Set(all.filter((r) => r.source !== 'formula' && r.source !== 'projects').map((r) => r.id));
  for (const [id, months] of overlay?.values ?? []) {
    if (entered.has(id)) for (const [p, v] of months) (series.get(id) ?? series.set(id, new Map()).get(id)!).set(p, v);
  }
  if (all.some((r) => r.source === 'projects')) {
    const ownYearOnly = !lastYear && !all.some((r) => r.source === 'projects' && referenced.has(r.id));
    for (const [id, values] of await projectSeries(db, zoneId, all, asOf ?? (await asOfDate(db, zoneId)), undefined, overlay?.progress, !ownYearOnly)) series.set(id, values);
  }
  // Values once stored for an indicator that is now computed do not count.
  for (const r of all) if (r.source === 'formula') series.delete(r.id);
  formulaSeries(byCode, series, lastYear);
  return series;
}

/**
 * Figures not yet accepted, laid over the accepted ones for the plan page's "including submitted"
 * preview: reported values by indicator and period, and project progress by project and period.
 */
export interface Overlay {
  values: Series;
  progress: ProgressOverlay;
}

/**
 * Judges one indicator as of the zone's business date, with last year's values for the seasonal forecast.
 * @param forecast false: without the year-end forecast (`forecast` null, `atRisk` false), for roll-ups
 */
export function evaluateRow(row: IndicatorRow, series: Series, asOf: string, planThresholds: Record<string, number> | null | undefined, forecast = true): Evaluation {
  const values = series.get(row.id);
  const lastYear = forecast ? monthValues(values, row.year - 1) : [];
  return evaluateIndicator(specOf(row, planThresholds), monthValues(values, row.year), evaluationMonth(asOf, row.year), lastYear.length ? lastYear : undefined, { forecast });
}
