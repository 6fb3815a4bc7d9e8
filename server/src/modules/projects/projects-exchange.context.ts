import { and, eq, inArray, sql } from 'drizzle-orm';
import { PROJECT_STAGES, type ProjectStage } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { appUser } from '../users/users.table.js';
import { unitsOf } from '../exchange/exchange.context.js';
import type { ProjectScope } from './projects.policy.js';
import { project, projectMilestone, projectProgress } from './projects.table.js';
import type { ExistingProject, ProgressContext, ProjectsContext } from './projects-exchange.rows.js';
import type { TemplateRow } from './projects-exchange.workbook.js';

/** What project imports and templates read, in a fixed handful of queries whatever the registry's size. */

type Row = typeof project.$inferSelect;

/** The zone's projects, by code. */
const projectsOf = (db: DbOrTx, zoneId: string) => db.select().from(project).where(eq(project.zoneId, zoneId)).orderBy(project.code);

const emptyDates = () => Object.fromEntries(PROJECT_STAGES.map((s) => [s, null])) as Record<ProjectStage, string | null>;

async function plannedDatesOf(db: DbOrTx, zoneId: string): Promise<Map<string, Record<ProjectStage, string | null>>> {
  const rows = await db.select({ projectId: projectMilestone.projectId, stage: projectMilestone.stage, plannedDate: projectMilestone.plannedDate }).from(projectMilestone).where(eq(projectMilestone.zoneId, zoneId));
  const out = new Map<string, Record<ProjectStage, string | null>>();
  for (const r of rows) (out.get(r.projectId) ?? out.set(r.projectId, emptyDates()).get(r.projectId)!)[r.stage as ProjectStage] = r.plannedDate;
  return out;
}

async function completedOf(db: DbOrTx, zoneId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ projectId: projectProgress.projectId, n: sql<number>`coalesce(sum(${projectProgress.completedInvestment}), 0)::bigint`.mapWith(Number) })
    .from(projectProgress)
    .where(eq(projectProgress.zoneId, zoneId))
    .groupBy(projectProgress.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

function existingOf(r: Row, dates: Record<ProjectStage, string | null> | undefined, completed: number): ExistingProject {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    leadUnitId: r.leadUnitId,
    completed,
    plannedDates: dates ?? emptyDates(),
    fields: {
      code: r.code,
      name: r.name,
      category: r.category as ExistingProject['fields']['category'],
      enterprise: r.enterprise,
      description: r.description,
      leadUnitId: r.leadUnitId,
      leaderId: r.leaderId,
      year: r.year,
      totalInvestment: r.totalInvestment,
      annualInvestment: r.annualInvestment,
      lat: r.lat,
      lng: r.lng,
      address: r.address,
      batches: r.batches as ExistingProject['fields']['batches'],
      isPublic: r.isPublic,
    },
  };
}

/** The zone's users by username, for the 分管领导 column. */
const usersOf = (db: DbOrTx, zoneId: string) => db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(eq(appUser.zoneId, zoneId));

/** Everything a 重点项目 import checks rows against: units, users, and the projects as stored now. */
export async function projectsContext(db: DbOrTx, zoneId: string): Promise<ProjectsContext> {
  const [rows, dates, completed] = [await projectsOf(db, zoneId), await plannedDatesOf(db, zoneId), await completedOf(db, zoneId)];
  return { units: await unitsOf(db, zoneId), users: await usersOf(db, zoneId), projects: rows.map((r) => existingOf(r, dates.get(r.id), completed.get(r.id) ?? 0)) };
}

/** Everything a 月度进展 import checks rows against: the zone's projects and the months recorded for them. */
export async function progressContext(db: DbOrTx, zoneId: string, scope: ProjectScope, asOfMonth: string): Promise<ProgressContext> {
  const rows = await projectsOf(db, zoneId);
  const progress = await db
    .select({ projectId: projectProgress.projectId, period: projectProgress.period, completedInvestment: projectProgress.completedInvestment, imageProgress: projectProgress.imageProgress, note: projectProgress.note, version: projectProgress.version })
    .from(projectProgress)
    .where(eq(projectProgress.zoneId, zoneId));
  return { scope, asOfMonth, progress, projects: rows.map((r) => ({ id: r.id, code: r.code, totalInvestment: r.totalInvestment, leadUnitId: r.leadUnitId })) };
}

/** The 重点项目 template rows: every project of the zone as stored, lead unit by code and leader by username. */
export async function projectTemplateRows(db: DbOrTx, zoneId: string): Promise<{ rows: TemplateRow[]; unitNames: string[] }> {
  const [rows, dates, units] = [await projectsOf(db, zoneId), await plannedDatesOf(db, zoneId), await unitsOf(db, zoneId)];
  const leaderIds = [...new Set(rows.flatMap((r) => (r.leaderId ? [r.leaderId] : [])))];
  const leaders = leaderIds.length ? await db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.id, leaderIds)) : [];
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  const username = new Map(leaders.map((u) => [u.id, u.username]));
  const out = rows.map((r): TemplateRow => {
    const d = dates.get(r.id) ?? emptyDates();
    return {
      code: r.code, name: r.name, category: r.category, enterprise: r.enterprise,
      leadUnit: r.leadUnitId ? unitCode.get(r.leadUnitId) : null, leader: r.leaderId ? username.get(r.leaderId) : null,
      year: r.year, totalInvestment: r.totalInvestment, annualInvestment: r.annualInvestment, lat: r.lat, lng: r.lng, address: r.address,
      batches: r.batches, isPublic: r.isPublic, ...Object.fromEntries(PROJECT_STAGES.map((s) => [`planned_${s}`, d[s]])),
    };
  });
  return { rows: out, unitNames: units.map((u) => u.name) };
}

/** The 月度进展 template rows of a month: one per project the user may report for, with what is recorded. */
export async function progressTemplateRows(db: DbOrTx, zoneId: string, scope: ProjectScope, period: string): Promise<TemplateRow[]> {
  if (!scope.office && scope.unitIds.length === 0) return [];
  const rows = await db
    .select()
    .from(project)
    .where(and(eq(project.zoneId, zoneId), scope.office ? undefined : inArray(project.leadUnitId, scope.unitIds)))
    .orderBy(project.code);
  const ctx = await progressContext(db, zoneId, scope, period);
  const byProject = new Map<string, ProgressContext['progress']>();
  for (const g of ctx.progress) (byProject.get(g.projectId) ?? byProject.set(g.projectId, []).get(g.projectId)!).push(g);
  return rows.map((r) => {
    const own = byProject.get(r.id) ?? [];
    const month = own.find((g) => g.period === period);
    const before = own.filter((g) => g.period < period).reduce((s, g) => s + g.completedInvestment, 0);
    return { code: r.code, name: r.name, period, totalInvestment: r.totalInvestment, cumulativeBefore: before, completedInvestment: month?.completedInvestment, imageProgress: month?.imageProgress, note: month?.note };
  });
}
