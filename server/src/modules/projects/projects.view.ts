import { type SQL, and, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  type Milestone,
  type MilestoneFact,
  PROJECT_STAGES,
  type Project,
  type ProjectJudgement,
  type ProjectStage,
  judgeProject,
  milestoneDelay,
  stageIndex,
} from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { asOfDate } from '../indicators/indicators.service.js';
import { evaluationMonth } from '../indicators/evaluation.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import { project, projectMilestone, projectProblem, projectProgress } from './projects.table.js';

export type ProjectRow = typeof project.$inferSelect;

/** A project with everything its status needs, judged as of the zone's business date. */
export interface JudgedProject {
  row: ProjectRow;
  leadUnitName: string | null;
  leaderName: string | null;
  milestones: Milestone[];
  /** All accepted progress (万元). */
  cumulative: number;
  /** Accepted progress of the project's year up to the judged month (万元). */
  yearToDate: number;
  judgement: ProjectJudgement;
}

/** Money sums come back from PostgreSQL as text (bigint / numeric); they are exact integers below 2^53. */
const money = (expr: SQL) => sql<number>`coalesce(${expr}, 0)::bigint`.mapWith(Number);

/** The six milestones in stage order; stages already passed without a recorded date carry no delay. */
function milestonesOf(stage: ProjectStage, facts: MilestoneFact[], asOf: string): Milestone[] {
  const byStage = new Map(facts.map((f) => [f.stage, f]));
  return PROJECT_STAGES.map((s) => {
    const f = byStage.get(s) ?? { stage: s, plannedDate: null, actualDate: null };
    const passedWithoutDate = !f.actualDate && stageIndex(s) <= stageIndex(stage);
    return { stage: s, plannedDate: f.plannedDate, actualDate: f.actualDate, delayDays: passedWithoutDate ? null : milestoneDelay(f, asOf) };
  });
}

/**
 * The zone's projects matching `where` (conditions on the project table only), each judged as of the
 * zone's business date: four queries whatever the count.
 */
export async function loadJudged(db: DbOrTx, zoneId: string, where?: SQL): Promise<JudgedProject[]> {
  const cond = and(eq(project.zoneId, zoneId), where);
  const ids = db.select({ id: project.id }).from(project).where(cond);
  const asOf = await asOfDate(db, zoneId);
  const rows = await db
    .select({ row: project, leadUnitName: unit.name, leaderName: appUser.displayName })
    .from(project)
    .leftJoin(unit, eq(unit.id, project.leadUnitId))
    .leftJoin(appUser, eq(appUser.id, project.leaderId))
    .where(cond);
  if (rows.length === 0) return [];
  const facts = await db
    .select({ projectId: projectMilestone.projectId, stage: projectMilestone.stage, plannedDate: projectMilestone.plannedDate, actualDate: projectMilestone.actualDate })
    .from(projectMilestone)
    .where(inArray(projectMilestone.projectId, ids));
  // The judged month of a project's year is the months before the business date's month (evaluationMonth).
  const asOfPeriod = asOf.slice(0, 7);
  const sums = await db
    .select({
      projectId: projectProgress.projectId,
      cumulative: money(sql`sum(${projectProgress.completedInvestment})`),
      yearToDate: money(sql`sum(${projectProgress.completedInvestment}) filter (where left(${projectProgress.period}, 4) = ${project.year}::text and ${projectProgress.period} < ${asOfPeriod})`),
      reportedThrough: sql<number>`coalesce(max(right(${projectProgress.period}, 2)::int) filter (where left(${projectProgress.period}, 4) = ${project.year}::text and ${projectProgress.period} < ${asOfPeriod}), 0)::int`,
    })
    .from(projectProgress)
    .innerJoin(project, eq(project.id, projectProgress.projectId))
    .where(and(cond, eq(projectProgress.reviewState, 'accepted')))
    .groupBy(projectProgress.projectId);
  const factsOf = new Map<string, MilestoneFact[]>();
  for (const f of facts) (factsOf.get(f.projectId) ?? factsOf.set(f.projectId, []).get(f.projectId)!).push({ ...f, stage: f.stage as ProjectStage });
  const sumOf = new Map(sums.map((s) => [s.projectId, s]));
  return rows.map(({ row, leadUnitName, leaderName }) => {
    const stage = row.stage as ProjectStage;
    const own = factsOf.get(row.id) ?? [];
    const yearToDate = sumOf.get(row.id)?.yearToDate ?? 0;
    const reportedThrough = Number(sumOf.get(row.id)?.reportedThrough ?? 0);
    const judgement = judgeProject({ stage, milestones: own, annualInvestment: row.annualInvestment, yearToDate, reportedThrough }, asOf, evaluationMonth(asOf, row.year));
    return { row, leadUnitName, leaderName, milestones: milestonesOf(stage, own, asOf), cumulative: sumOf.get(row.id)?.cumulative ?? 0, yearToDate, judgement };
  });
}

/** Problems not yet closed, per project, for the given projects. */
async function openProblemCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ projectId: projectProblem.projectId, n: sql<number>`count(*)::int` })
    .from(projectProblem)
    .where(and(inArray(projectProblem.projectId, ids), ne(projectProblem.state, 'closed')))
    .groupBy(projectProblem.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

function view(j: JudgedProject, openProblems: number): Project {
  const r = j.row;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category as Project['category'],
    enterprise: r.enterprise,
    description: r.description,
    leadUnitId: r.leadUnitId,
    leadUnitName: j.leadUnitName,
    leaderId: r.leaderId,
    leaderName: j.leaderName,
    year: r.year,
    totalInvestment: r.totalInvestment,
    annualInvestment: r.annualInvestment,
    cumulativeInvestment: j.cumulative,
    yearToDate: j.yearToDate,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    batches: r.batches as Project['batches'],
    stage: r.stage as ProjectStage,
    isPublic: r.isPublic,
    version: r.version,
    ...j.judgement,
    openProblems,
    milestones: j.milestones,
  };
}

/** The API view of judged projects, with their open problem counts (one query for the lot). */
export async function projectViews(db: DbOrTx, judged: JudgedProject[]): Promise<Project[]> {
  const ids = judged.map((j) => j.row.id);
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 5000) for (const [k, v] of await openProblemCounts(db, ids.slice(i, i + 5000))) counts.set(k, v);
  return judged.map((j) => view(j, counts.get(j.row.id) ?? 0));
}
