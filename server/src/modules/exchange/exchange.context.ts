import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { unit } from '../units/units.table.js';
import { planItem, planItemCoUnit } from '../plans/plans.table.js';
import { indicator, indicatorValue } from '../indicators/indicators.table.js';
import { type PlanRow, loadPlan } from '../plans/evaluation.service.js';
import { evaluationMonth, isComputedSource, loadSeries, periodOf } from '../indicators/evaluation.js';
import { listItems } from '../plans/items.service.js';
import { listIndicators } from '../indicators/indicators.service.js';
import type { ImportKind } from './exchange.columns.js';
import { compareCodes } from './exchange.cells.js';
import type { UnitRef } from './exchange.rows.js';
import type { ExistingIndicator, ExistingItem, ItemsContext } from './exchange.items-rows.js';
import type { ValuesContext } from './exchange.values-rows.js';
import type { TemplateData, TemplateRow } from './exchange.template.js';
import type { ExportData } from './exchange.export.js';

/**
 * What imports, templates and exports read, each in a fixed handful of queries whatever the
 * plan's size (other modules' tables are read here, never written).
 */

export { loadPlan };

export async function unitsOf(db: DbOrTx, zoneId: string): Promise<UnitRef[]> {
  return db.select({ id: unit.id, code: unit.code, name: unit.name, shortName: unit.shortName }).from(unit).where(eq(unit.zoneId, zoneId)).orderBy(unit.sort, unit.code);
}

async function itemsOf(db: DbOrTx, planId: string): Promise<ExistingItem[]> {
  const rows = await db.select().from(planItem).where(eq(planItem.planId, planId));
  const links = await db.select({ itemId: planItemCoUnit.itemId, unitId: planItemCoUnit.unitId }).from(planItemCoUnit).innerJoin(planItem, eq(planItem.id, planItemCoUnit.itemId)).where(eq(planItem.planId, planId));
  const co = new Map<string, string[]>();
  for (const l of links) (co.get(l.itemId) ?? co.set(l.itemId, []).get(l.itemId)!).push(l.unitId);
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      version: r.version,
      title: r.title,
      leadUnitId: r.leadUnitId,
      coUnitIds: co.get(r.id) ?? [],
      weight: r.weight,
      startDate: r.startDate,
      dueDate: r.dueDate,
      progressMethod: r.progressMethod,
      isPublic: r.isPublic,
    }))
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** The indicator fields an import row sets, as stored, and the project filter the rows are judged with (no column sets it). */
const INDICATOR_FIELDS = ['code', 'name', 'kind', 'direction', 'unitOfMeasure', 'year', 'baseline', 'target', 'limitMode', 'bandLow', 'bandHigh', 'frequency', 'source', 'formula', 'projectFilter', 'reportingUnitId', 'weight'] as const;

/** Every indicator of the zone (codes are unique zone-wide), with its item's code and plan. */
async function zoneIndicators(db: DbOrTx, zoneId: string): Promise<ExistingIndicator[]> {
  const rows = await db.select({ i: indicator, itemCode: planItem.code, planId: planItem.planId }).from(indicator).innerJoin(planItem, eq(planItem.id, indicator.itemId)).where(eq(indicator.zoneId, zoneId));
  return rows.map(({ i, itemCode, planId }) => ({
    id: i.id,
    code: i.code,
    planId,
    itemCode,
    version: i.version,
    position: i.position,
    fields: Object.fromEntries(INDICATOR_FIELDS.map((k) => [k, i[k]])),
  }));
}

export async function itemsContext(db: DbOrTx, zoneId: string, p: PlanRow): Promise<ItemsContext> {
  const [units, items, indicators] = [await unitsOf(db, zoneId), await itemsOf(db, p.id), await zoneIndicators(db, zoneId)];
  return { planId: p.id, startYear: p.startYear, endYear: p.endYear, units, items, indicators };
}

async function planIndicators(db: DbOrTx, planId: string) {
  return db
    .select({ id: indicator.id, itemId: indicator.itemId, code: indicator.code, name: indicator.name, kind: indicator.kind, year: indicator.year, source: indicator.source, itemCode: planItem.code, position: indicator.position })
    .from(indicator)
    .innerJoin(planItem, eq(planItem.id, indicator.itemId))
    .where(eq(planItem.planId, planId));
}

interface StoredValue {
  indicatorId: string;
  period: string;
  version: number;
  value: string;
  currentAmount: string | null;
  lastYearAmount: string | null;
  note: string | null;
}

async function planValues(db: DbOrTx, planId: string): Promise<StoredValue[]> {
  return db
    .select({
      indicatorId: indicatorValue.indicatorId,
      period: indicatorValue.period,
      version: indicatorValue.version,
      value: indicatorValue.value,
      currentAmount: indicatorValue.currentAmount,
      lastYearAmount: indicatorValue.lastYearAmount,
      note: indicatorValue.note,
    })
    .from(indicatorValue)
    .innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
    .innerJoin(planItem, eq(planItem.id, indicator.itemId))
    .where(eq(planItem.planId, planId));
}

/** The plan's indicators a values import checks its rows against (stored values are read when saving, only those the file names). */
export async function valuesContext(db: DbOrTx, planId: string): Promise<ValuesContext> {
  return { indicators: await planIndicators(db, planId) };
}

const byItemThenPosition = (a: { itemCode: string; position: number }, b: { itemCode: string; position: number }) => compareCodes(a.itemCode, b.itemCode) || a.position - b.position;

/**
 * A template prefilled from the plan: items and indicators as they stand (re-importing them
 * unchanged changes nothing), or one row per reported indicator for the month last owed.
 */
export async function templateData(db: DbOrTx, zoneId: string, planId: string, kind: ImportKind): Promise<TemplateData> {
  const { plan: p, asOf } = await loadPlan(db, zoneId, planId);
  const units = await unitsOf(db, zoneId);
  const head = { title: p.title, startYear: p.startYear, endYear: p.endYear };
  if (kind === 'values') {
    const [indicators, values] = [await planIndicators(db, planId), await planValues(db, planId)];
    const stored = new Map(values.map((v) => [`${v.indicatorId}|${v.period}`, v]));
    const rows = indicators
      .filter((i) => !isComputedSource(i.source))
      .sort(byItemThenPosition)
      .map((i): TemplateRow => {
        const month = evaluationMonth(asOf, i.year);
        const period = month > 0 ? periodOf(i.year, month) : null;
        const v = period ? stored.get(`${i.id}|${period}`) : undefined;
        return { code: i.code, period, name: i.name, ...(v ? { value: v.value, currentAmount: v.currentAmount, lastYearAmount: v.lastYearAmount, note: v.note } : {}) };
      });
    return { plan: head, units: [], rows: { values: rows } };
  }
  const unitLabel = labelOfUnit(units);
  const items = (await itemsOf(db, planId)).map((i): TemplateRow => ({ ...i, leadUnit: unitLabel(i.leadUnitId), coUnits: i.coUnitIds.map(unitLabel).filter(Boolean) }));
  const indicators = (await zoneIndicators(db, zoneId))
    .filter((i) => i.planId === planId)
    .sort(byItemThenPosition)
    .map((i): TemplateRow => ({ ...i.fields, itemCode: i.itemCode, reportingUnit: unitLabel(i.fields.reportingUnitId as string | null) }));
  return { plan: head, units, rows: { items, indicators } };
}

/** A unit as a template names it: its full name, or its code where the name is shared. */
function labelOfUnit(units: UnitRef[]): (id: string | null) => string | null {
  const names = new Map<string, number>();
  for (const u of units) for (const n of [u.name, u.shortName]) if (n) names.set(n, (names.get(n) ?? 0) + 1);
  const byId = new Map(units.map((u) => [u.id, names.get(u.name) === 1 ? u.name : u.code]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}

/** The monthly values of computed indicators (formula, projects) in their year, as the evaluation sees them. */
async function computedValues(db: DbOrTx, zoneId: string, ids: string[], asOf: string): Promise<ExportData['values']> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(indicator).where(inArray(indicator.id, ids));
  const series = await loadSeries(db, zoneId, rows, undefined, asOf);
  // Their target year only: the year before is computed for the forecast, not part of the plan.
  return rows.flatMap((r) => [...(series.get(r.id) ?? [])].filter(([period]) => period.startsWith(`${r.year}-`)).map(([period, value]) => ({ indicatorId: r.id, period, value })));
}

/** The plan, its items and indicators judged as of the business date, every stored value, and computed indicators' values. */
export async function exportData(db: DbOrTx, zoneId: string, planId: string): Promise<ExportData> {
  const { plan: p, asOf } = await loadPlan(db, zoneId, planId);
  const { items } = await listItems(db, zoneId, planId, { page: 1, pageSize: 1_000_000 });
  const { items: indicators } = await listIndicators(db, zoneId, { planId });
  const computed = new Set(indicators.filter((i) => isComputedSource(i.source)).map((i) => i.id));
  const values = (await planValues(db, planId)).filter((v) => !computed.has(v.indicatorId)).map((v) => ({ indicatorId: v.indicatorId, period: v.period, value: v.value }));
  values.push(...(await computedValues(db, zoneId, [...computed], asOf)));
  const unitNames = new Map((await unitsOf(db, zoneId)).map((u) => [u.id, u.name]));
  return { plan: { title: p.title, asOf }, items, indicators, values, unitNames };
}
