import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { findProjectRow } from './projects.service.js';
import { project, projectProgress } from './projects.table.js';

/** The reporting module's only way into project progress: accepted figures from unit reports. */

export interface ReportedProgressInput {
  projectId: string;
  period: string;
  /** The month's completed investment (万元). */
  completedInvestment: number;
  imageProgress: string | null;
  note: string | null;
  reportId: string;
}

type ProgressRow = typeof projectProgress.$inferSelect;
const summaryOf = (r: ProgressRow | undefined) => (r ? { completedInvestment: r.completedInvestment, imageProgress: r.imageProgress, note: r.note, reviewState: r.reviewState, version: r.version } : null);

export interface AppliedProgress {
  projectId: string;
  code: string;
  period: string;
  before: ReturnType<typeof summaryOf>;
  after: ReturnType<typeof summaryOf>;
}

/**
 * Writes a unit report's progress as the month's accepted progress (created, or the stored one
 * replaced with version + 1). The project row is locked so the cumulative check holds against
 * concurrent entries. Runs in the caller's transaction and writes no audit event of its own: the
 * acceptance that calls it records one event for the report.
 * @throws AppError not_found (project not in the zone), validation_failed (completedInvestment
 *   exceeds_total, with the 万元 that remain as limit)
 */
export async function applyReportedProgress(tx: DbOrTx, actor: Actor, zoneId: string, input: ReportedProgressInput): Promise<AppliedProgress> {
  const p = await findProjectRow(tx, zoneId, input.projectId, true);
  const [others] = await tx
    .select({ total: sql<string | null>`sum(${projectProgress.completedInvestment})::text` })
    .from(projectProgress)
    .where(and(eq(projectProgress.projectId, input.projectId), ne(projectProgress.period, input.period)));
  const otherTotal = Number(others?.total ?? 0);
  if (otherTotal + input.completedInvestment > p.totalInvestment) {
    throw fieldError([{ field: 'completedInvestment', issue: 'exceeds_total', limit: Math.max(p.totalInvestment - otherTotal, 0) }]);
  }
  const [before] = await tx.select().from(projectProgress).where(and(eq(projectProgress.projectId, input.projectId), eq(projectProgress.period, input.period)));
  const fields = { completedInvestment: input.completedInvestment, imageProgress: input.imageProgress, note: input.note, reviewState: 'accepted', reportId: input.reportId };
  const [after] = before
    ? await tx.update(projectProgress).set({ ...fields, version: before.version + 1, updatedAt: new Date() }).where(eq(projectProgress.id, before.id)).returning()
    : await tx.insert(projectProgress).values({ ...fields, zoneId, projectId: input.projectId, period: input.period, createdBy: actor.userId }).returning();
  return { projectId: p.id, code: p.code, period: input.period, before: summaryOf(before), after: summaryOf(after) };
}

export interface ProgressBefore {
  /** The latest accepted month's completed investment before the period (万元), if any. */
  previous: number | null;
  /** Total investment minus everything accepted before the period (万元). */
  remaining: number;
}

/** For each project: last month's accepted figure and what remains of its total before the period. */
export async function progressBefore(db: DbOrTx, projectIds: string[], period: string): Promise<Map<string, ProgressBefore>> {
  const out = new Map<string, ProgressBefore>();
  if (projectIds.length === 0) return out;
  const accepted = and(inArray(projectProgress.projectId, projectIds), lt(projectProgress.period, period), eq(projectProgress.reviewState, 'accepted'));
  // A join, not a correlated subquery: drizzle writes a bare "id" for ${project.id} in a one-table
  // select, which inside a subquery would name the subquery's own row.
  const totals = await db
    .select({ id: project.id, total: project.totalInvestment, done: sql<string | null>`sum(${projectProgress.completedInvestment})::text` })
    .from(project)
    .leftJoin(projectProgress, and(eq(projectProgress.projectId, project.id), lt(projectProgress.period, period), eq(projectProgress.reviewState, 'accepted')))
    .where(inArray(project.id, projectIds))
    .groupBy(project.id);
  const last = await db
    .selectDistinctOn([projectProgress.projectId], { projectId: projectProgress.projectId, value: projectProgress.completedInvestment })
    .from(projectProgress)
    .where(accepted)
    .orderBy(projectProgress.projectId, desc(projectProgress.period));
  const lastOf = new Map(last.map((r) => [r.projectId, r.value]));
  for (const t of totals) out.set(t.id, { previous: lastOf.get(t.id) ?? null, remaining: t.total - Number(t.done ?? 0) });
  return out;
}
