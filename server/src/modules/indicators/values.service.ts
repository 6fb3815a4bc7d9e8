import { and, asc, eq, inArray } from 'drizzle-orm';
import { type FieldIssue, type IndicatorValue, type PutValueBody, growthFromAmounts } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isComputedSource } from './evaluation.js';
import { evidenceFile, indicator, indicatorValue } from './indicators.table.js';

type ValueRow = typeof indicatorValue.$inferSelect;
type IndicatorRow = typeof indicator.$inferSelect;
type EvidenceMeta = IndicatorValue['evidence'][number];

const view = (v: ValueRow, evidence: EvidenceMeta[]): IndicatorValue => ({
  id: v.id,
  indicatorId: v.indicatorId,
  period: v.period,
  value: v.value,
  currentAmount: v.currentAmount,
  lastYearAmount: v.lastYearAmount,
  note: v.note,
  reviewState: v.reviewState as IndicatorValue['reviewState'],
  version: v.version,
  updatedAt: v.updatedAt.toISOString(),
  evidence,
});

async function evidenceOf(db: DbOrTx, valueIds: string[]): Promise<Map<string, EvidenceMeta[]>> {
  const out = new Map<string, EvidenceMeta[]>();
  if (valueIds.length === 0) return out;
  const rows = await db.select().from(evidenceFile).where(inArray(evidenceFile.valueId, valueIds)).orderBy(asc(evidenceFile.createdAt));
  for (const r of rows) (out.get(r.valueId) ?? out.set(r.valueId, []).get(r.valueId)!).push({ id: r.id, name: r.originalName, size: r.size, mimeType: r.mimeType });
  return out;
}

/** Values of a formula or project-driven indicator are computed: nobody enters or removes them. */
function refuseComputed(ind: IndicatorRow): void {
  if (isComputedSource(ind.source)) throw fieldError([{ field: 'value', issue: 'computed_source' }]);
}

/** @throws AppError not_found when the indicator is not in the zone */
export async function findIndicator(db: DbOrTx, zoneId: string, indicatorId: string): Promise<IndicatorRow> {
  const [row] = await db.select().from(indicator).where(and(eq(indicator.id, indicatorId), eq(indicator.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Every stored value of an indicator (all review states), by period, with its evidence files.
 * @throws AppError not_found
 */
export async function listValues(db: DbOrTx, zoneId: string, indicatorId: string): Promise<{ items: IndicatorValue[]; total: number }> {
  await findIndicator(db, zoneId, indicatorId);
  const rows = await db.select().from(indicatorValue).where(eq(indicatorValue.indicatorId, indicatorId)).orderBy(asc(indicatorValue.period));
  const evidence = await evidenceOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => view(r, evidence.get(r.id) ?? [])), total: rows.length };
}

/** The value to store: given, or for growth computed from this and last year's cumulative amounts. */
function valueFrom(ind: IndicatorRow, period: string, input: PutValueBody): { value: string; currentAmount: string | null; lastYearAmount: string | null } {
  const issues: FieldIssue[] = [];
  const year = Number(period.slice(0, 4));
  if (year !== ind.year && year !== ind.year - 1) issues.push({ field: 'period', issue: 'out_of_range', limit: `${ind.year - 1}–${ind.year}` });
  const cur = input.currentAmount ?? null;
  const last = input.lastYearAmount ?? null;
  let value = input.value ?? null;
  if (ind.kind !== 'growth' && (cur !== null || last !== null)) issues.push({ field: cur !== null ? 'currentAmount' : 'lastYearAmount', issue: 'growth_only' });
  else if (cur !== null && last !== null) {
    value = growthFromAmounts(cur, last);
    if (value === null) issues.push({ field: 'lastYearAmount', issue: 'zero' });
  } else if (cur !== null || last !== null) issues.push({ field: cur === null ? 'currentAmount' : 'lastYearAmount', issue: 'required' });
  if (value === null && issues.length === 0) issues.push({ field: 'value', issue: 'required' });
  if (issues.length) throw fieldError(issues);
  return { value: value!, currentAmount: cur, lastYearAmount: last };
}

const summaryOf = (v: ValueRow | undefined) => (v ? { value: v.value, currentAmount: v.currentAmount, lastYearAmount: v.lastYearAmount, note: v.note, reviewState: v.reviewState } : null);

/**
 * Records or corrects a month's value (accepted: the office enters it directly). Correcting needs
 * the version read; a growth value may be given as both cumulative amounts and is then computed.
 * @throws AppError not_found, version_conflict (stale or missing version of an existing value),
 *   validation_failed (value computed_source: the indicator's values are computed from a formula or the projects)
 */
export async function putValue(db: DbOrTx, actor: Actor, zoneId: string, indicatorId: string, period: string, input: PutValueBody): Promise<IndicatorValue> {
  return db.transaction(async (tx) => {
    const ind = await findIndicator(tx, zoneId, indicatorId);
    refuseComputed(ind);
    const computed = valueFrom(ind, period, input);
    const [before] = await tx.select().from(indicatorValue).where(and(eq(indicatorValue.indicatorId, indicatorId), eq(indicatorValue.period, period))).for('update');
    if (before && before.version !== input.version) throw new AppError('version_conflict');
    const fields = { ...computed, note: input.note !== undefined ? input.note : (before?.note ?? null), reviewState: 'accepted' };
    const [after] = before
      ? await tx.update(indicatorValue).set({ ...fields, version: before.version + 1, updatedAt: new Date() }).where(eq(indicatorValue.id, before.id)).returning()
      : await tx.insert(indicatorValue).values({ ...fields, zoneId, indicatorId, period, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, {
      action: 'indicator_value.put',
      objectType: 'indicator_value',
      objectId: after!.id,
      summary: { itemId: ind.itemId, indicatorId, code: ind.code, period, before: summaryOf(before), after: summaryOf(after) },
    });
    const evidence = await evidenceOf(tx, [after!.id]);
    return view(after!, evidence.get(after!.id) ?? []);
  });
}

/**
 * Removes a month's value (its evidence records go with it; the files stay on disk for the record).
 * @throws AppError not_found (indicator or value), validation_failed (value computed_source, as putValue)
 */
export async function deleteValue(db: DbOrTx, actor: Actor, zoneId: string, indicatorId: string, period: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ind = await findIndicator(tx, zoneId, indicatorId);
    refuseComputed(ind);
    const [before] = await tx.delete(indicatorValue).where(and(eq(indicatorValue.indicatorId, indicatorId), eq(indicatorValue.period, period))).returning();
    if (!before) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      action: 'indicator_value.delete',
      objectType: 'indicator_value',
      objectId: before.id,
      summary: { itemId: ind.itemId, indicatorId, code: ind.code, period, before: summaryOf(before), after: null },
    });
  });
}
