import { eq, sql } from 'drizzle-orm';
import {
  type IndicatorKind,
  PROJECT_STAGES,
  type ProjectBatch,
  type ProjectCategory,
  type ProjectSeriesFacts,
  type ProjectStage,
  projectFilter,
  projectIndicatorSeries,
  stageIndex,
} from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { jsonRows } from '../plans/json-rows.js';
import { project, projectMilestone, projectProgress } from './projects.table.js';

/** Project id → (period → completed investment 万元) of progress not yet accepted. */
export type ProgressOverlay = Map<string, Map<string, number>>;

/** What computing a project-driven indicator needs of its row (an indicator row will do). */
export interface ProjectSeriesRow {
  id: string;
  kind: string;
  unitOfMeasure: string;
  year: number;
  source: string;
  projectFilter: unknown;
}

/** Before any date: a stage the registry says was passed, with no date recorded for it or any later stage. */
const LONG_AGO = '0001-01-01';

/**
 * The dates a project reached its stages: only stages at or below its current stage count (a stage
 * stepped back from is no longer reached). A passed stage without its own date is taken as reached
 * by the earliest date recorded for a later one, or since always when none is recorded.
 */
function reachedOf(stage: ProjectStage, dates: Map<string, string>): Partial<Record<ProjectStage, string>> {
  const out: Partial<Record<ProjectStage, string>> = {};
  let later: string | null = null;
  for (let i = stageIndex(stage); i >= 0; i--) {
    const s = PROJECT_STAGES[i]!;
    const own = dates.get(s) ?? null;
    if (own && (!later || own < later)) later = own;
    out[s] = own ?? later ?? LONG_AGO;
  }
  return out;
}

/**
 * Everything the zone's project-driven indicators are computed from, in three queries: the zone's
 * projects, their milestones' actual dates, and accepted progress per project and month (万元).
 * @param overlay progress not yet accepted laid over the accepted figures (the plan page's preview)
 */
export async function loadProjectFacts(db: DbOrTx, zoneId: string, overlay?: ProgressOverlay): Promise<ProjectSeriesFacts[]> {
  type P = { id: string; category: string; batches: string[]; year: number; total: number; annual: number; stage: string };
  const projects = await jsonRows<P>(
    db,
    { id: project.id, category: project.category, batches: project.batches, year: project.year, total: project.totalInvestment, annual: project.annualInvestment, stage: project.stage },
    sql`from ${project} where ${eq(project.zoneId, zoneId)}`,
  );
  if (projects.length === 0) return [];
  const milestones = await jsonRows<{ p: string; s: string; d: string }>(
    db,
    { p: projectMilestone.projectId, s: projectMilestone.stage, d: projectMilestone.actualDate },
    sql`from ${projectMilestone} where ${projectMilestone.zoneId} = ${zoneId} and ${projectMilestone.actualDate} is not null`,
  );
  const progress = await jsonRows<{ p: string; q: string; v: number }>(
    db,
    { p: projectProgress.projectId, q: projectProgress.period, v: sql`sum(${projectProgress.completedInvestment})::float8` },
    sql`from ${projectProgress} where ${projectProgress.zoneId} = ${zoneId} and ${projectProgress.reviewState} = 'accepted' group by 1, 2`,
  );
  const dates = new Map<string, Map<string, string>>();
  for (const m of milestones) (dates.get(m.p) ?? dates.set(m.p, new Map()).get(m.p)!).set(m.s, m.d);
  const completed = new Map<string, Map<string, number>>();
  for (const r of progress) (completed.get(r.p) ?? completed.set(r.p, new Map()).get(r.p)!).set(r.q, Number(r.v));
  for (const [p, months] of overlay ?? []) for (const [q, v] of months) (completed.get(p) ?? completed.set(p, new Map()).get(p)!).set(q, v);
  return projects.map((p) => ({
    category: p.category as ProjectCategory,
    batches: (p.batches ?? []) as ProjectBatch[],
    year: p.year,
    totalInvestment: Number(p.total),
    annualInvestment: Number(p.annual),
    reached: PROJECT_STAGES.includes(p.stage as ProjectStage) ? reachedOf(p.stage as ProjectStage, dates.get(p.id) ?? new Map()) : {},
    completed: completed.get(p.id) ?? new Map(),
  }));
}

/**
 * The monthly values of the rows whose source is `projects`, computed from the registry as of the
 * zone's business date (core projectIndicatorSeries): the indicator's year and the year before.
 * A row whose stored filter does not read as a filter gets no values (its status is then nodata).
 * Loads the zone's project facts once, and nothing at all when no row is project-driven.
 * @param facts the zone's facts when already loaded
 * @returns indicator id → (period `2021-03` → decimal string)
 */
export async function projectSeries(
  db: DbOrTx,
  zoneId: string,
  rows: ProjectSeriesRow[],
  asOf: string,
  facts?: ProjectSeriesFacts[],
  overlay?: ProgressOverlay,
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const driven = rows.filter((r) => r.source === 'projects');
  if (driven.length === 0) return out;
  const all = facts ?? (await loadProjectFacts(db, zoneId, overlay));
  for (const r of driven) {
    const f = projectFilter.safeParse(r.projectFilter);
    out.set(r.id, f.success ? projectIndicatorSeries(all, f.data, r.kind as IndicatorKind, r.unitOfMeasure, r.year, asOf) : new Map());
  }
  return out;
}
