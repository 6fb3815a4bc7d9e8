import { and, eq, inArray } from 'drizzle-orm';
import { type AdvanceStageBody, PROJECT_STAGES, type Project, type ProjectStage, type RevertStageBody, nextStage, previousStage, stageIndex } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/indicators.service.js';
import { type ProjectScope, assertCanWorkOn } from './projects.policy.js';
import { findProjectRow, getProject } from './projects.service.js';
import { projectMilestone, project } from './projects.table.js';

/** The latest date a stage up to `stage` was reached (a new stage cannot be reached before it). */
async function lastReachedDate(db: DbOrTx, projectId: string, stage: ProjectStage): Promise<string | null> {
  const upTo = PROJECT_STAGES.slice(0, stageIndex(stage) + 1);
  const rows = await db
    .select({ actualDate: projectMilestone.actualDate })
    .from(projectMilestone)
    .where(and(eq(projectMilestone.projectId, projectId), inArray(projectMilestone.stage, [...upTo])));
  return rows.reduce<string | null>((max, r) => (r.actualDate && (!max || r.actualDate > max) ? r.actualDate : max), null);
}

/**
 * Moves a project to its next stage, reached on `date` (the milestone's actual date), under the
 * optimistic lock. The office may advance any project, unit staff those their unit leads.
 * @throws AppError not_found, forbidden, version_conflict, validation_failed (stage not_next with the
 *   expected stage as limit; date after_as_of or before_previous)
 */
export async function advanceStage(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, id: string, body: AdvanceStageBody): Promise<Project> {
  return db.transaction(async (tx) => {
    const before = await findProjectRow(tx, zoneId, id, true);
    assertCanWorkOn(scope, before.leadUnitId);
    if (before.version !== body.version) throw new AppError('version_conflict');
    const from = before.stage as ProjectStage;
    const expected = nextStage(from);
    if (body.stage !== expected) throw fieldError([{ field: 'stage', issue: 'not_next', ...(expected ? { limit: expected } : {}) }]);
    const asOf = await asOfDate(tx, zoneId);
    if (body.date > asOf) throw fieldError([{ field: 'date', issue: 'after_as_of', limit: asOf }]);
    const previous = await lastReachedDate(tx, id, from);
    if (previous && body.date < previous) throw fieldError([{ field: 'date', issue: 'before_previous', limit: previous }]);
    const note = body.note ?? null;
    await tx
      .insert(projectMilestone)
      .values({ zoneId, projectId: id, stage: expected, actualDate: body.date, note, createdBy: actor.userId })
      .onConflictDoUpdate({ target: [projectMilestone.projectId, projectMilestone.stage], set: { actualDate: body.date, note, updatedAt: new Date() } });
    await tx.update(project).set({ stage: expected, version: before.version + 1, updatedAt: new Date() }).where(eq(project.id, id));
    await recordAudit(tx, actor, { action: 'project.advance', objectType: 'project', objectId: id, summary: { code: before.code, from, to: expected, date: body.date, note } });
    return getProject(tx, zoneId, id);
  });
}

/**
 * Steps a project back one stage (the office, with a reason): the current stage's actual date is cleared.
 * @throws AppError not_found, version_conflict, validation_failed (stage no_previous at 谋划)
 */
export async function revertStage(db: DbOrTx, actor: Actor, zoneId: string, id: string, body: RevertStageBody): Promise<Project> {
  return db.transaction(async (tx) => {
    const before = await findProjectRow(tx, zoneId, id, true);
    if (before.version !== body.version) throw new AppError('version_conflict');
    const from = before.stage as ProjectStage;
    const to = previousStage(from);
    if (!to) throw fieldError([{ field: 'stage', issue: 'no_previous' }]);
    const [cleared] = await tx
      .select({ id: projectMilestone.id, actualDate: projectMilestone.actualDate, note: projectMilestone.note })
      .from(projectMilestone)
      .where(and(eq(projectMilestone.projectId, id), eq(projectMilestone.stage, from)));
    if (cleared) await tx.update(projectMilestone).set({ actualDate: null, note: null, updatedAt: new Date() }).where(eq(projectMilestone.id, cleared.id));
    await tx.update(project).set({ stage: to, version: before.version + 1, updatedAt: new Date() }).where(eq(project.id, id));
    await recordAudit(tx, actor, {
      action: 'project.revert',
      objectType: 'project',
      objectId: id,
      summary: { code: before.code, from, to, reason: body.reason, clearedDate: cleared?.actualDate ?? null, clearedNote: cleared?.note ?? null },
    });
    return getProject(tx, zoneId, id);
  });
}
