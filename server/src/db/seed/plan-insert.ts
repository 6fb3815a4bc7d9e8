import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../client.js';
import { plan, planItem, planItemAlignment, planItemCoUnit } from '../../modules/plans/plans.table.js';
import { indicator, indicatorValue } from '../../modules/indicators/indicators.table.js';
import type { SeedIndicator, SeedItem, SeedPlan } from './plan-types.js';

type PlanRow = typeof plan.$inferInsert;
type ItemRow = typeof planItem.$inferInsert;
type IndicatorRow = typeof indicator.$inferInsert;
type ValueRow = typeof indicatorValue.$inferInsert;

/** The rows of the demo plans, built in memory with client-side ids so each table takes one statement. */
export interface PlanRows {
  plans: PlanRow[];
  items: ItemRow[];
  coUnits: (typeof planItemCoUnit.$inferInsert)[];
  alignments: (typeof planItemAlignment.$inferInsert)[];
  indicators: IndicatorRow[];
  values: ValueRow[];
}

export interface SeedContext {
  zoneId: string;
  /** DEMO_UNITS code → unit id. */
  unitIds: ReadonlyMap<string, string>;
  /** demo username → user id. */
  userIds: ReadonlyMap<string, string>;
}

/** Resolves a name or fails loudly: a typo in the demo data is a bug, not a row to skip. */
function must(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo plan data: unknown ${what} "${key}"`);
  return id;
}

function indicatorRows(ctx: SeedContext, itemId: string, list: SeedIndicator[], out: PlanRows): void {
  list.forEach((s, position) => {
    const id = randomUUID();
    out.indicators.push({
      id, zoneId: ctx.zoneId, itemId, code: s.code, name: s.name, kind: s.kind, direction: s.direction ?? 'increase',
      unitOfMeasure: s.unit, year: s.year, baseline: s.baseline ?? null, target: s.target, limitMode: s.limitMode ?? null,
      curve: s.curve ?? null, frequency: s.frequency ?? 'monthly', source: 'reported',
      reportingUnitId: must(ctx.unitIds, s.reportingUnit, 'unit'), position, isPublic: s.isPublic ?? false, sourceText: s.sourceText,
    });
    for (const v of s.values) {
      out.values.push({
        zoneId: ctx.zoneId, indicatorId: id, period: v.period, value: v.value,
        currentAmount: v.currentAmount ?? null, lastYearAmount: v.lastYearAmount ?? null, note: v.note ?? null, reviewState: 'accepted',
      });
    }
  });
}

/**
 * Adds one plan's rows. Items without a lead unit or 分管领导 take their parent's; `keys` collects
 * strategic item keys and resolves annual items' alignments (so strategic plans go first).
 */
export function planRows(ctx: SeedContext, p: SeedPlan, keys: Map<string, string>, out: PlanRows): void {
  const planId = randomUUID();
  out.plans.push({
    id: planId, zoneId: ctx.zoneId, kind: p.kind, title: p.title, description: p.description,
    startYear: p.startYear, endYear: p.endYear, levelLabels: p.levelLabels, isPublic: p.isPublic,
  });
  const walk = (items: SeedItem[], parent: { id: string; code: string; lead?: string; leader?: string } | null) => {
    items.forEach((s, position) => {
      const id = randomUUID();
      const code = parent ? `${parent.code}.${position + 1}` : String(position + 1);
      const lead = s.lead ?? parent?.lead;
      const leader = s.leader ?? parent?.leader;
      const children = s.children ?? [];
      const method = s.method ?? (s.indicators?.length ? 'indicators' : children.length ? 'children' : 'manual');
      out.items.push({
        id, zoneId: ctx.zoneId, planId, parentId: parent?.id ?? null, position, code, title: s.title, description: s.description ?? null,
        leadUnitId: lead ? must(ctx.unitIds, lead, 'unit') : null,
        leaderId: leader ? must(ctx.userIds, leader, 'user') : null,
        ownerId: s.owner ? must(ctx.userIds, s.owner, 'user') : null,
        weight: s.weight ?? '1', startDate: s.start ?? p.defaultStart, dueDate: s.due ?? p.defaultDue,
        progressMethod: method, manualProgress: s.manual ?? null, isPublic: s.isPublic ?? false,
      });
      for (const u of s.co ?? []) out.coUnits.push({ itemId: id, unitId: must(ctx.unitIds, u, 'unit'), zoneId: ctx.zoneId });
      for (const k of s.align ?? []) out.alignments.push({ itemId: id, strategicItemId: must(keys, k, 'strategic item key'), zoneId: ctx.zoneId });
      if (s.key) keys.set(s.key, id);
      indicatorRows(ctx, id, s.indicators ?? [], out);
      walk(children, { id, code, lead, leader });
    });
  };
  walk(p.items, null);
}

/** Inserts the rows, parents before children, one statement per table. */
export async function insertPlanRows(tx: DbOrTx, rows: PlanRows): Promise<void> {
  if (rows.plans.length) await tx.insert(plan).values(rows.plans);
  if (rows.items.length) await tx.insert(planItem).values(rows.items);
  if (rows.coUnits.length) await tx.insert(planItemCoUnit).values(rows.coUnits);
  if (rows.alignments.length) await tx.insert(planItemAlignment).values(rows.alignments);
  if (rows.indicators.length) await tx.insert(indicator).values(rows.indicators);
  if (rows.values.length) await tx.insert(indicatorValue).values(rows.values);
}
