import { and, asc, desc, eq } from 'drizzle-orm';
import type { CreatePlanBody, Plan, PlanQuery, UpdatePlanBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { knownOverrides } from '../indicators/evaluation.js';
import { type PlanEvaluation, type PlanRow, evaluatePlan } from './evaluation.service.js';
import { plan } from './plans.table.js';
import { submittedOverlay } from '../reporting/preview.service.js';

function planView(p: PlanRow, ev: PlanEvaluation | null): Plan {
  const root = ev?.results.get(p.id);
  return {
    id: p.id,
    kind: p.kind as Plan['kind'],
    title: p.title,
    description: p.description,
    startYear: p.startYear,
    endYear: p.endYear,
    levelLabels: p.levelLabels,
    thresholds: knownOverrides(p.thresholds),
    status: p.status as Plan['status'],
    isPublic: p.isPublic,
    version: p.version,
    itemCount: ev?.items.length ?? 0,
    progress: root?.progress ?? null,
    planStatus: root?.status ?? 'nodata',
    redCount: root?.redBelow ?? 0,
  };
}

/** Every plan of the zone (strategic first, newest first), each with its roll-up as of the business date. */
export async function listPlans(db: DbOrTx, zoneId: string): Promise<{ items: Plan[]; total: number }> {
  const rows = await db.select().from(plan).where(eq(plan.zoneId, zoneId)).orderBy(desc(plan.kind), desc(plan.startYear), asc(plan.title));
  const items: Plan[] = [];
  for (const p of rows) items.push(planView(p, await evaluatePlan(db, zoneId, p.id)));
  return { items, total: items.length };
}

/**
 * One plan with its roll-up; `preview=submitted` lays the reports in review over the accepted
 * figures (nothing stored), as the item list does.
 * @throws AppError not_found when the plan is not in the zone
 */
export async function getPlan(db: DbOrTx, zoneId: string, planId: string, query: PlanQuery = {}): Promise<Plan> {
  const ev = await evaluatePlan(db, zoneId, planId, query.preview === 'submitted' ? await submittedOverlay(db, zoneId, planId) : undefined);
  return planView(ev.plan, ev);
}

function assertYears(startYear: number, endYear: number): void {
  if (endYear < startYear) throw fieldError([{ field: 'endYear', issue: 'before_start', limit: startYear }]);
}

/**
 * Creates a plan in the zone.
 * @throws AppError validation_failed (endYear before startYear)
 */
export async function createPlan(db: DbOrTx, actor: Actor, zoneId: string, input: CreatePlanBody): Promise<Plan> {
  assertYears(input.startYear, input.endYear);
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(plan)
      .values({
        zoneId,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        startYear: input.startYear,
        endYear: input.endYear,
        levelLabels: input.levelLabels,
        thresholds: input.thresholds ?? {},
        isPublic: input.isPublic ?? false,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'plan.create', objectType: 'plan', objectId: p!.id, summary: { after: input } });
    return planView(p!, null);
  });
}

/**
 * Changes a plan's fields under the optimistic lock.
 * @throws AppError not_found, version_conflict, validation_failed (endYear before startYear)
 */
export async function updatePlan(db: DbOrTx, actor: Actor, zoneId: string, planId: string, input: UpdatePlanBody): Promise<Plan> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(plan).where(and(eq(plan.id, planId), eq(plan.zoneId, zoneId))).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version, ...change } = input;
    assertYears(change.startYear ?? before.startYear, change.endYear ?? before.endYear);
    await tx.update(plan).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(plan.id, planId));
    const pick = (p: PlanRow) => Object.fromEntries(Object.keys(change).map((k) => [k, p[k as keyof PlanRow]]));
    const after = await getPlan(tx, zoneId, planId);
    await recordAudit(tx, actor, { action: 'plan.update', objectType: 'plan', objectId: planId, summary: { before: pick(before), after: pick({ ...before, ...change }) } });
    return after;
  });
}

/** Locks a plan of the zone for a change of its tree (serialises renumbering). @throws AppError not_found */
export async function lockPlan(db: DbOrTx, zoneId: string, planId: string): Promise<PlanRow> {
  const [p] = await db.select().from(plan).where(and(eq(plan.id, planId), eq(plan.zoneId, zoneId))).for('update');
  if (!p) throw new AppError('not_found');
  return p;
}
