import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PhotoMeta, ProjectProgress, PutProgressBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/indicators.service.js';
import { type ProjectScope, assertCanWorkOn } from './projects.policy.js';
import { findProjectRow } from './projects.service.js';
import { projectPhoto, projectProgress } from './projects.table.js';
import { photoFilesOf } from './photos.service.js';
import { removeStored } from '../../platform/files.js';

type ProgressRow = typeof projectProgress.$inferSelect;

const view = (r: ProgressRow, cumulativeInvestment: number, photos: PhotoMeta[]): ProjectProgress => ({
  id: r.id,
  projectId: r.projectId,
  period: r.period,
  completedInvestment: r.completedInvestment,
  cumulativeInvestment,
  imageProgress: r.imageProgress,
  note: r.note,
  reviewState: r.reviewState as ProjectProgress['reviewState'],
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  photos,
});

/** Photos of the given progress rows, oldest first. */
async function photosOf(db: DbOrTx, progressIds: string[]): Promise<Map<string, PhotoMeta[]>> {
  const out = new Map<string, PhotoMeta[]>();
  if (progressIds.length === 0) return out;
  const rows = await db.select().from(projectPhoto).where(inArray(projectPhoto.progressId, progressIds)).orderBy(asc(projectPhoto.createdAt), asc(projectPhoto.id));
  for (const r of rows) {
    const meta = { id: r.id, name: r.originalName, size: r.size, mimeType: r.mimeType, takenAt: r.takenAt?.toISOString() ?? null, lat: r.lat, lng: r.lng };
    (out.get(r.progressId) ?? out.set(r.progressId, []).get(r.progressId)!).push(meta);
  }
  return out;
}

/**
 * A project's monthly progress by period, each with the running cumulative investment and its photos.
 * @throws AppError not_found
 */
export async function listProgress(db: DbOrTx, zoneId: string, projectId: string): Promise<{ items: ProjectProgress[]; total: number }> {
  await findProjectRow(db, zoneId, projectId);
  const rows = await db.select().from(projectProgress).where(eq(projectProgress.projectId, projectId)).orderBy(asc(projectProgress.period));
  const photos = await photosOf(db, rows.map((r) => r.id));
  let cumulative = 0;
  const items = rows.map((r) => view(r, (cumulative += r.completedInvestment), photos.get(r.id) ?? []));
  return { items, total: items.length };
}

const summaryOf = (r: ProgressRow | undefined) => (r ? { completedInvestment: r.completedInvestment, imageProgress: r.imageProgress, note: r.note, reviewState: r.reviewState } : null);

/** Progress of the project's other months (万元). */
async function otherMonths(db: DbOrTx, projectId: string, period: string): Promise<{ total: number; upTo: number }> {
  const [s] = await db
    .select({
      total: sql<string | null>`sum(${projectProgress.completedInvestment})::text`,
      upTo: sql<string | null>`(sum(${projectProgress.completedInvestment}) filter (where ${projectProgress.period} < ${period}))::text`,
    })
    .from(projectProgress)
    .where(and(eq(projectProgress.projectId, projectId), ne(projectProgress.period, period)));
  return { total: Number(s?.total ?? 0), upTo: Number(s?.upTo ?? 0) };
}

/**
 * Records or corrects a month's progress (accepted: entered directly). The month's first entry is
 * made without a version, a correction with the version read. The investment completed over all
 * months may not exceed the project's total.
 * @throws AppError not_found, forbidden (not the office nor staff of the lead unit), version_conflict,
 *   validation_failed (period after_as_of; completedInvestment exceeds_total with the remaining 万元 as limit)
 */
export async function putProgress(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, projectId: string, period: string, body: PutProgressBody): Promise<ProjectProgress> {
  return db.transaction(async (tx) => {
    // Locking the project serialises entries of its months, so the cumulative check holds.
    const p = await findProjectRow(tx, zoneId, projectId, true);
    assertCanWorkOn(scope, p.leadUnitId);
    const asOfMonth = (await asOfDate(tx, zoneId)).slice(0, 7);
    if (period > asOfMonth) throw fieldError([{ field: 'period', issue: 'after_as_of', limit: asOfMonth }]);
    const [before] = await tx.select().from(projectProgress).where(and(eq(projectProgress.projectId, projectId), eq(projectProgress.period, period)));
    if (before ? before.version !== body.version : body.version !== undefined) throw new AppError('version_conflict');
    const others = await otherMonths(tx, projectId, period);
    if (others.total + body.completedInvestment > p.totalInvestment) {
      throw fieldError([{ field: 'completedInvestment', issue: 'exceeds_total', limit: Math.max(p.totalInvestment - others.total, 0) }]);
    }
    const fields = {
      completedInvestment: body.completedInvestment,
      imageProgress: body.imageProgress !== undefined ? body.imageProgress : (before?.imageProgress ?? null),
      note: body.note !== undefined ? body.note : (before?.note ?? null),
      reviewState: 'accepted',
    };
    const [after] = before
      ? await tx.update(projectProgress).set({ ...fields, version: before.version + 1, updatedAt: new Date() }).where(eq(projectProgress.id, before.id)).returning()
      : await tx.insert(projectProgress).values({ ...fields, zoneId, projectId, period, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, {
      action: 'project_progress.put',
      objectType: 'project_progress',
      objectId: after!.id,
      summary: { projectId, code: p.code, period, before: summaryOf(before), after: summaryOf(after) },
    });
    const photos = await photosOf(tx, [after!.id]);
    return view(after!, others.upTo + after!.completedInvestment, photos.get(after!.id) ?? []);
  });
}

/**
 * Removes a month's progress with its photos (rows in the transaction, stored files after it commits).
 * @throws AppError not_found (project or month), forbidden
 */
export async function deleteProgress(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, projectId: string, period: string, filesDir: string): Promise<void> {
  const files = await db.transaction(async (tx) => {
    const p = await findProjectRow(tx, zoneId, projectId, true);
    assertCanWorkOn(scope, p.leadUnitId);
    const photos = await photoFilesOf(tx, projectId, period);
    const [before] = await tx.delete(projectProgress).where(and(eq(projectProgress.projectId, projectId), eq(projectProgress.period, period))).returning();
    if (!before) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      action: 'project_progress.delete',
      objectType: 'project_progress',
      objectId: before.id,
      summary: { projectId, code: p.code, period, before: summaryOf(before), photos: photos.length, after: null },
    });
    return photos;
  });
  await removeStored(filesDir, files);
}
