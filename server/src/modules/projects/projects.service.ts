import { type SQL, and, eq, ilike, ne, or, sql } from 'drizzle-orm';
import {
  type CreateProjectBody,
  type FieldIssue,
  PROJECT_STAGES,
  type Project,
  type ProjectListQuery,
  type ProjectMap,
  type ProjectStage,
  type UpdateProjectBody,
  stageIndex,
} from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import { project, projectMilestone, projectProgress } from './projects.table.js';
import { type JudgedProject, type ProjectRow, loadJudged, projectViews } from './projects.view.js';
import { photoFilesOf } from './photos.service.js';
import { removeStored } from '../../platform/files.js';
import { containing } from '../../platform/like.js';

/** The list filters SQL can apply (status and overdue are judged, so they are applied after). */
function conditions(q: Partial<ProjectListQuery>): SQL | undefined {
  const text = q.q ? containing(q.q) : null;
  return and(
    text ? or(ilike(project.code, text), ilike(project.name, text), ilike(project.enterprise, text), ilike(project.address, text)) : undefined,
    q.category ? eq(project.category, q.category) : undefined,
    q.stage ? eq(project.stage, q.stage) : undefined,
    q.batch ? sql`${project.batches} @> ${JSON.stringify([q.batch])}::jsonb` : undefined,
    q.unitId ? eq(project.leadUnitId, q.unitId) : undefined,
    q.year !== undefined ? eq(project.year, q.year) : undefined,
  );
}

const STATUS_ORDER = { red: 0, yellow: 1, green: 2, done: 3 } as const;
const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
const SORT_KEYS: Record<NonNullable<ProjectListQuery['sort']>, (a: JudgedProject, b: JudgedProject) => number> = {
  code: (a, b) => byText(a.row.code, b.row.code),
  name: (a, b) => byText(a.row.name, b.row.name),
  totalInvestment: (a, b) => a.row.totalInvestment - b.row.totalInvestment,
  overdueDays: (a, b) => a.judgement.overdueDays - b.judgement.overdueDays,
  status: (a, b) => STATUS_ORDER[a.judgement.status] - STATUS_ORDER[b.judgement.status],
  stage: (a, b) => stageIndex(a.row.stage as ProjectStage) - stageIndex(b.row.stage as ProjectStage),
};

/** The zone's projects matching every filter of the list, judged and sorted (ties by code). */
async function matching(db: DbOrTx, zoneId: string, q: Partial<ProjectListQuery>): Promise<JudgedProject[]> {
  const overdue = q.overdue === undefined ? null : q.overdue === 'true';
  const judged = (await loadJudged(db, zoneId, conditions(q))).filter(
    (j) => (!q.status || j.judgement.status === q.status) && (overdue === null || j.judgement.overdueDays > 0 === overdue),
  );
  const primary = SORT_KEYS[q.sort ?? 'code'];
  const sign = q.order === 'desc' ? -1 : 1;
  return judged.sort((a, b) => sign * primary(a, b) || SORT_KEYS.code(a, b));
}

/**
 * A page of the zone's projects matching the filters (status and overdue as judged today).
 * Internal callers (the .xlsx export) may ask for pages far larger than the HTTP limit.
 */
export async function listProjects(db: DbOrTx, zoneId: string, query: ProjectListQuery): Promise<{ items: Project[]; total: number }> {
  const all = await matching(db, zoneId, query);
  const size = query.pageSize ?? all.length;
  const page = query.page ?? 1;
  return { items: await projectViews(db, all.slice((page - 1) * size, page * size)), total: all.length };
}

/** The map: every matching project with coordinates as a point (no paging), how many lack them, and the base-map tiles. */
export async function projectMap(db: DbOrTx, zoneId: string, query: Partial<ProjectListQuery>, tileUrl: string | null): Promise<ProjectMap> {
  const all = await matching(db, zoneId, query);
  const items = all.flatMap(({ row: r, judgement }) =>
    r.lat !== null && r.lng !== null
      ? [{ id: r.id, code: r.code, name: r.name, category: r.category as Project['category'], stage: r.stage as ProjectStage, status: judgement.status, totalInvestment: r.totalInvestment, lat: r.lat, lng: r.lng, address: r.address }]
      : [],
  );
  return { tileUrl, items, total: items.length, unlocated: all.length - items.length };
}

/**
 * A project row of the zone (locked for update when asked).
 * @throws AppError not_found when the project is not in the zone
 */
export async function findProjectRow(db: DbOrTx, zoneId: string, id: string, forUpdate = false): Promise<ProjectRow> {
  const query = db.select().from(project).where(and(eq(project.id, id), eq(project.zoneId, zoneId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * One project, judged as of the zone's business date.
 * @throws AppError not_found
 */
export async function getProject(db: DbOrTx, zoneId: string, id: string): Promise<Project> {
  const [judged] = await loadJudged(db, zoneId, eq(project.id, id));
  if (!judged) throw new AppError('not_found');
  return (await projectViews(db, [judged]))[0]!;
}

type Fields = Omit<CreateProjectBody, 'plannedDates'>;

async function inZone(db: DbOrTx, table: typeof unit | typeof appUser, zoneId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.zoneId, zoneId)));
  return !!row;
}

/**
 * Checks a project as it would be stored: code free in the zone, lead unit and 分管领导 of the zone,
 * annual plan within the total, both coordinates or neither.
 * @throws AppError validation_failed naming every failing field
 */
async function checkProject(db: DbOrTx, zoneId: string, after: Fields, changed: Partial<Fields>, id?: string): Promise<void> {
  const issues: FieldIssue[] = [];
  if (changed.code !== undefined) {
    const [dup] = await db.select({ id: project.id }).from(project).where(and(eq(project.zoneId, zoneId), eq(project.code, after.code), id ? ne(project.id, id) : undefined));
    if (dup) issues.push({ field: 'code', issue: 'taken' });
  }
  if (changed.leadUnitId && !(await inZone(db, unit, zoneId, changed.leadUnitId))) issues.push({ field: 'leadUnitId', issue: 'not_found' });
  if (changed.leaderId && !(await inZone(db, appUser, zoneId, changed.leaderId))) issues.push({ field: 'leaderId', issue: 'not_found' });
  if (after.annualInvestment > after.totalInvestment) issues.push({ field: 'annualInvestment', issue: 'exceeds_total', limit: after.totalInvestment });
  const hasLat = after.lat !== null && after.lat !== undefined;
  const hasLng = after.lng !== null && after.lng !== undefined;
  if (hasLat !== hasLng) issues.push({ field: hasLat ? 'lng' : 'lat', issue: 'required' });
  if (issues.length) throw fieldError(issues);
}

/** The audit summary of a project: its defining fields. */
const summaryOf = (r: Partial<ProjectRow>) => {
  const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, zoneId: _z, ...rest } = r;
  return rest;
};

/** Sets planned dates of the given stages (creating a missing milestone row). */
async function writePlannedDates(db: DbOrTx, zoneId: string, projectId: string, dates: Partial<Record<ProjectStage, string | null>>): Promise<void> {
  for (const [stage, plannedDate] of Object.entries(dates)) {
    await db
      .insert(projectMilestone)
      .values({ zoneId, projectId, stage, plannedDate })
      .onConflictDoUpdate({ target: [projectMilestone.projectId, projectMilestone.stage], set: { plannedDate, updatedAt: new Date() } });
  }
}

/**
 * Registers a project at 谋划 (planning) with its six milestones and their planned dates.
 * @throws AppError validation_failed (code taken, lead unit / leader not_found, annualInvestment exceeds_total, lat/lng required together)
 */
export async function createProject(db: DbOrTx, actor: Actor, zoneId: string, body: CreateProjectBody): Promise<Project> {
  return db.transaction(async (tx) => {
    const { plannedDates = {}, ...fields } = body;
    await checkProject(tx, zoneId, fields, fields);
    const values = {
      ...fields,
      enterprise: fields.enterprise ?? null,
      description: fields.description ?? null,
      leadUnitId: fields.leadUnitId ?? null,
      leaderId: fields.leaderId ?? null,
      lat: fields.lat ?? null,
      lng: fields.lng ?? null,
      address: fields.address ?? null,
      batches: [...new Set(fields.batches ?? [])],
      isPublic: fields.isPublic ?? false,
    };
    const [row] = await tx.insert(project).values({ ...values, zoneId, stage: 'planning', createdBy: actor.userId }).returning();
    await tx.insert(projectMilestone).values(PROJECT_STAGES.map((stage) => ({ zoneId, projectId: row!.id, stage, plannedDate: plannedDates[stage] ?? null, createdBy: actor.userId })));
    await recordAudit(tx, actor, { action: 'project.create', objectType: 'project', objectId: row!.id, summary: { after: summaryOf(row!), plannedDates } });
    return getProject(tx, zoneId, row!.id);
  });
}

/** Progress recorded for a project, all months and review states (万元). */
async function completedOf(db: DbOrTx, projectId: string): Promise<number> {
  const [s] = await db.select({ n: sql<string | null>`sum(${projectProgress.completedInvestment})::text` }).from(projectProgress).where(eq(projectProgress.projectId, projectId));
  return Number(s?.n ?? 0);
}

/**
 * Changes a project's fields and planned dates under the optimistic lock (the stage changes only by advance/revert).
 * @throws AppError not_found, version_conflict, validation_failed (as create; totalInvestment below_completed)
 */
export async function updateProject(db: DbOrTx, actor: Actor, zoneId: string, id: string, body: UpdateProjectBody): Promise<Project> {
  return db.transaction(async (tx) => {
    const before = await findProjectRow(tx, zoneId, id, true);
    if (before.version !== body.version) throw new AppError('version_conflict');
    const { version, plannedDates, ...change } = body;
    if (change.batches) change.batches = [...new Set(change.batches)];
    const after = { ...before, ...change } as ProjectRow;
    await checkProject(tx, zoneId, after as Fields, change, id);
    if (change.totalInvestment !== undefined) {
      const completed = await completedOf(tx, id);
      if (change.totalInvestment < completed) throw fieldError([{ field: 'totalInvestment', issue: 'below_completed', limit: completed }]);
    }
    await tx.update(project).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(project.id, id));
    const oldDates = plannedDates ? await tx.select({ stage: projectMilestone.stage, plannedDate: projectMilestone.plannedDate }).from(projectMilestone).where(eq(projectMilestone.projectId, id)) : [];
    if (plannedDates) await writePlannedDates(tx, zoneId, id, plannedDates);
    const pick = (r: ProjectRow) => Object.fromEntries(Object.keys(change).map((k) => [k, r[k as keyof ProjectRow]]));
    const datesBefore = plannedDates ? Object.fromEntries(Object.keys(plannedDates).map((s) => [s, oldDates.find((d) => d.stage === s)?.plannedDate ?? null])) : undefined;
    await recordAudit(tx, actor, {
      action: 'project.update',
      objectType: 'project',
      objectId: id,
      summary: { code: after.code, before: { ...pick(before), plannedDates: datesBefore }, after: { ...pick(after), plannedDates } },
    });
    return getProject(tx, zoneId, id);
  });
}

/**
 * Deletes a project with its milestones, progress (and photo records) and problems.
 * Stored photo files are removed once the deletion has committed.
 * @throws AppError not_found
 */
export async function deleteProject(db: DbOrTx, actor: Actor, zoneId: string, id: string, filesDir: string): Promise<void> {
  const files = await db.transaction(async (tx) => {
    const before = await findProjectRow(tx, zoneId, id, true);
    const completed = await completedOf(tx, id);
    const photos = await photoFilesOf(tx, id);
    await tx.delete(project).where(eq(project.id, id));
    await recordAudit(tx, actor, { action: 'project.delete', objectType: 'project', objectId: id, summary: { before: summaryOf(before), completedInvestment: completed, photos: photos.length } });
    return photos;
  });
  await removeStored(filesDir, files);
}
