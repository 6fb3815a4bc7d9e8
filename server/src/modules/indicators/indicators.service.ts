import { type SQL, and, count, eq, sql } from 'drizzle-orm';
import type { CreateIndicatorBody, Indicator, UpdateIndicatorBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { unit } from '../units/units.table.js';
import { plan, planItem } from '../plans/plans.table.js';
import { compareCodes } from '../plans/tree.js';
import { zone } from '../zones/zones.table.js';
import { jsonRows } from '../plans/json-rows.js';
import { INDICATOR_FIELDS, type IndicatorRow as EvaluationRow, type Series, asOfDate, evaluateRow, isComputedSource, knownOverrides, loadSeries } from './evaluation.js';
import { checkIndicator, referencedBy } from './indicators.checks.js';
import { indicator, indicatorValue } from './indicators.table.js';

type IndicatorRow = typeof indicator.$inferSelect;
/** What an indicator's view and evaluation need of its row. */
export type IndicatorViewRow = EvaluationRow & Pick<IndicatorRow, 'name' | 'reportingUnitId' | 'position' | 'isPublic' | 'sourceText' | 'version'>;

/** An indicator row with what its view and evaluation need from its item, plan and unit. */
export interface IndicatorContext {
  row: IndicatorViewRow;
  planId: string;
  itemCode: string;
  itemTitle: string;
  planThresholds: Record<string, number>;
  unitName: string | null;
  /** The zone's business date. */
  asOf: string;
}

const CONTEXT_FIELDS = {
  ...INDICATOR_FIELDS,
  name: indicator.name,
  reportingUnitId: indicator.reportingUnitId,
  position: indicator.position,
  isPublic: indicator.isPublic,
  sourceText: indicator.sourceText,
  version: indicator.version,
  planId: planItem.planId,
  itemCode: planItem.code,
  itemTitle: planItem.title,
  planThresholds: plan.thresholds,
  unitName: unit.name,
  asOf: zone.asOfDate,
};
type ContextRow = IndicatorViewRow & Omit<IndicatorContext, 'row'>;

/**
 * Indicators of the zone with their item, plan and reporting unit, filtered: one JSON document
 * (PGlite pays per row and field returned), with the zone's business date.
 */
export async function loadIndicators(db: DbOrTx, zoneId: string, where?: SQL): Promise<IndicatorContext[]> {
  const rows = await jsonRows<ContextRow>(
    db,
    CONTEXT_FIELDS,
    sql`from ${indicator} join ${planItem} on ${planItem.id} = ${indicator.itemId} join ${plan} on ${plan.id} = ${planItem.planId}
        join ${zone} on ${zone.id} = ${indicator.zoneId} left join ${unit} on ${unit.id} = ${indicator.reportingUnitId}
        where ${and(eq(indicator.zoneId, zoneId), where)}`,
  );
  return rows.map(({ planId, itemCode, itemTitle, planThresholds, unitName, asOf, ...row }) => ({ row, planId, itemCode, itemTitle, planThresholds, unitName, asOf }));
}

export { asOfDate };

function view(c: IndicatorContext, series: Series, asOf: string): Indicator {
  const r = c.row;
  return {
    id: r.id,
    itemId: r.itemId,
    planId: c.planId,
    itemCode: c.itemCode,
    itemTitle: c.itemTitle,
    code: r.code,
    name: r.name,
    kind: r.kind as Indicator['kind'],
    direction: r.direction as Indicator['direction'],
    unitOfMeasure: r.unitOfMeasure,
    year: r.year,
    baseline: r.baseline,
    target: r.target,
    limitMode: r.limitMode as Indicator['limitMode'],
    bandLow: r.bandLow,
    bandHigh: r.bandHigh,
    curve: r.curve ?? null,
    frequency: r.frequency as Indicator['frequency'],
    thresholds: knownOverrides(r.thresholds),
    source: r.source,
    formula: r.formula,
    projectFilter: r.projectFilter ?? null,
    reportingUnitId: r.reportingUnitId,
    reportingUnitName: c.unitName,
    weight: r.weight,
    position: r.position,
    isPublic: r.isPublic,
    sourceText: r.sourceText,
    version: r.version,
    evaluation: evaluateRow(r, series, asOf, c.planThresholds),
  };
}

/**
 * The zone's indicators (of one plan or one item when asked), ordered by item code and position,
 * each judged as of the zone's business date.
 */
/** An item's indicators. @throws AppError not_found when the item is not in the zone */
export async function listItemIndicators(db: DbOrTx, zoneId: string, itemId: string): Promise<{ items: Indicator[]; total: number }> {
  const [item] = await db.select({ id: planItem.id }).from(planItem).where(and(eq(planItem.id, itemId), eq(planItem.zoneId, zoneId)));
  if (!item) throw new AppError('not_found');
  return listIndicators(db, zoneId, { itemId });
}

export async function listIndicators(
  db: DbOrTx,
  zoneId: string,
  filter: { itemId?: string; planId?: string; page?: number; pageSize?: number } = {},
): Promise<{ items: Indicator[]; total: number }> {
  const conds = [filter.itemId ? eq(indicator.itemId, filter.itemId) : undefined, filter.planId ? eq(planItem.planId, filter.planId) : undefined];
  const all = (await loadIndicators(db, zoneId, and(...conds))).sort(
    (a, b) => a.planId.localeCompare(b.planId) || compareCodes(a.itemCode, b.itemCode) || a.row.position - b.row.position,
  );
  const size = filter.pageSize ?? all.length;
  const page = all.slice(((filter.page ?? 1) - 1) * size, (filter.page ?? 1) * size);
  const asOf = all[0]?.asOf ?? (await asOfDate(db, zoneId));
  const series = await loadSeries(db, zoneId, page.map((c) => c.row), undefined, asOf);
  return { items: page.map((c) => view(c, series, asOf)), total: all.length };
}

/** @throws AppError not_found when the indicator is not in the zone */
export async function getIndicatorContext(db: DbOrTx, zoneId: string, id: string): Promise<IndicatorContext> {
  const [c] = await loadIndicators(db, zoneId, eq(indicator.id, id));
  if (!c) throw new AppError('not_found');
  return c;
}

/**
 * One indicator with its evaluation.
 * @throws AppError not_found when the indicator is not in the zone
 */
export async function getIndicator(db: DbOrTx, zoneId: string, id: string): Promise<Indicator> {
  const c = await getIndicatorContext(db, zoneId, id);
  return view(c, await loadSeries(db, zoneId, [c.row], undefined, c.asOf), c.asOf);
}

const draftOf = (r: Omit<IndicatorRow, 'id'>) => ({
  code: r.code,
  kind: r.kind,
  unitOfMeasure: r.unitOfMeasure,
  baseline: r.baseline,
  limitMode: r.limitMode,
  bandLow: r.bandLow,
  bandHigh: r.bandHigh,
  source: r.source,
  formula: r.formula,
  projectFilter: r.projectFilter ?? null,
  reportingUnitId: r.reportingUnitId,
});

/** The audit summary of an indicator: its defining fields. */
const summaryOf = (r: Partial<IndicatorRow>) => {
  const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, zoneId: _z, ...rest } = r;
  return rest;
};

/**
 * Adds an indicator to an item, last among its indicators.
 * @throws AppError not_found (item), validation_failed (see checkIndicator)
 */
export async function createIndicator(db: DbOrTx, actor: Actor, zoneId: string, itemId: string, input: CreateIndicatorBody): Promise<Indicator> {
  return db.transaction(async (tx) => {
    const [item] = await tx.select({ id: planItem.id }).from(planItem).where(and(eq(planItem.id, itemId), eq(planItem.zoneId, zoneId)));
    if (!item) throw new AppError('not_found');
    const values = {
      ...input,
      zoneId,
      itemId,
      baseline: input.baseline ?? null,
      limitMode: input.limitMode ?? null,
      bandLow: input.bandLow ?? null,
      bandHigh: input.bandHigh ?? null,
      curve: input.curve ?? null,
      source: input.source ?? (input.formula ? 'formula' : input.projectFilter ? 'projects' : 'reported'),
      formula: input.formula ?? null,
      projectFilter: input.projectFilter ?? null,
      reportingUnitId: input.reportingUnitId ?? null,
      createdBy: actor.userId,
    };
    await checkIndicator(tx, zoneId, draftOf(values as Omit<IndicatorRow, 'id'>));
    const [pos] = await tx.select({ next: sql<number>`coalesce(max(${indicator.position}) + 1, 0)::int` }).from(indicator).where(eq(indicator.itemId, itemId));
    const [row] = await tx.insert(indicator).values({ ...values, position: pos?.next ?? 0 }).returning();
    await recordAudit(tx, actor, { action: 'indicator.create', objectType: 'indicator', objectId: row!.id, summary: { itemId, after: summaryOf(row!) } });
    return getIndicator(tx, zoneId, row!.id);
  });
}

/**
 * Changes an indicator under the optimistic lock; a code other formulas use cannot change, and an
 * indicator with entered values cannot turn into a computed one (formula, projects) before they are removed.
 * @throws AppError not_found, version_conflict, validation_failed (see checkIndicator; code: referenced; source: has_values)
 */
export async function updateIndicator(db: DbOrTx, actor: Actor, zoneId: string, id: string, input: UpdateIndicatorBody): Promise<Indicator> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicator).where(and(eq(indicator.id, id), eq(indicator.zoneId, zoneId))).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version, ...change } = input;
    const after = { ...before, ...change } as IndicatorRow;
    if (change.code !== undefined && change.code !== before.code && (await referencedBy(tx, zoneId, before.code, id)).length) {
      throw fieldError([{ field: 'code', issue: 'referenced' }]);
    }
    // Values once entered could neither be corrected nor removed once the indicator computes its own.
    if (isComputedSource(after.source) && !isComputedSource(before.source)) {
      const [vals] = await tx.select({ n: count() }).from(indicatorValue).where(eq(indicatorValue.indicatorId, id));
      if (vals?.n) throw fieldError([{ field: 'source', issue: 'has_values', limit: vals.n }]);
    }
    await checkIndicator(tx, zoneId, draftOf(after), id);
    await tx.update(indicator).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(indicator.id, id));
    const pick = (r: IndicatorRow) => Object.fromEntries(Object.keys(change).map((k) => [k, r[k as keyof IndicatorRow]]));
    await recordAudit(tx, actor, { action: 'indicator.update', objectType: 'indicator', objectId: id, summary: { itemId: before.itemId, before: pick(before), after: pick(after) } });
    return getIndicator(tx, zoneId, id);
  });
}

/**
 * Deletes an indicator with its values and their evidence records (files stay on disk for the record).
 * @throws AppError not_found, conflict (reason referenced_by_formula, with the referencing codes)
 */
export async function deleteIndicator(db: DbOrTx, actor: Actor, zoneId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicator).where(and(eq(indicator.id, id), eq(indicator.zoneId, zoneId))).for('update');
    if (!before) throw new AppError('not_found');
    const users = await referencedBy(tx, zoneId, before.code, id);
    if (users.length) throw new AppError('conflict', { reason: 'referenced_by_formula', codes: users });
    const [vals] = await tx.select({ n: count() }).from(indicatorValue).where(eq(indicatorValue.indicatorId, id));
    await tx.delete(indicator).where(eq(indicator.id, id));
    await recordAudit(tx, actor, { action: 'indicator.delete', objectType: 'indicator', objectId: id, summary: { itemId: before.itemId, before: summaryOf(before), values: vals?.n ?? 0 } });
  });
}
