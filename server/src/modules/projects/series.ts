import { sql } from 'drizzle-orm';
import {
  type IndicatorKind,
  PROJECT_STAGES,
  type ProjectBatch,
  type ProjectCategory,
  type ProjectFilter,
  type ProjectSeriesFacts,
  type ProjectStage,
  projectFilter,
  projectIndicatorSeries,
  stageIndex,
} from '@lantu/core';
import { type DbOrTx, queryRows } from '../../db/client.js';
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
 * What of the registry a set of project-driven indicators reads: loading only that keeps the
 * queries on an index range instead of every month of every project (see scopeOf).
 */
export interface FactsScope {
  /** Only projects that may match: of these categories / list years (absent: any). */
  categories?: string[];
  years?: number[];
  /** Milestone dates (a filter counts projects from the stage they reached). */
  milestones: boolean;
  /** Accepted progress of these periods, `from`…`to` inclusive; absent: no progress at all. */
  progress?: {
    from: string;
    to: string;
    /**
     * Progress before `from` summed per project, under the month before `from` (enough for the
     * cumulative levels of a series: core projectIndicatorSeries only sums up to each month).
     */
    before: boolean;
  };
}

const monthBefore = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m > 1 ? `${y}-${String(m - 1).padStart(2, '0')}` : `${y - 1}-12`;
};

/**
 * The scope the given filters (with their indicators' kind and year) read: progress of the years
 * the series cover (the indicator's year and the one before), and before that only a per-project
 * sum when a cumulative figure needs it (a level, or investment counted from a stage); projects pre-selected by
 * category and list year when every filter names them.
 */
export function scopeOf(driven: { filter: ProjectFilter; kind: string; year: number }[], overlay?: ProgressOverlay, lastYear = true): FactsScope {
  const every = <T>(pick: (f: ProjectFilter) => T[] | undefined): T[] | undefined => {
    const out = new Set<T>();
    for (const d of driven) {
      const v = pick(d.filter);
      if (!v?.length) return undefined;
      for (const x of v) out.add(x);
    }
    return [...out];
  };
  const money = driven.filter((d) => d.filter.measure === 'completed_investment');
  const scope: FactsScope = {
    categories: every((f) => f.categories),
    years: every((f) => (f.year === undefined ? undefined : [f.year])),
    milestones: driven.some((d) => d.filter.stageReached),
  };
  if (money.length) {
    let from = `${Math.min(...money.map((d) => d.year)) - (lastYear ? 1 : 0)}-01`;
    // Progress in review replaces the accepted figure of its month: keep those months out of the sum before.
    for (const months of overlay?.values() ?? []) for (const q of months.keys()) if (q < from) from = q;
    scope.progress = { from, to: `${Math.max(...money.map((d) => d.year))}-12`, before: money.some((d) => d.kind !== 'amount' || d.filter.stageReached) };
  }
  return scope;
}

/** Every project, every milestone date, every month of progress. */
const EVERYTHING: FactsScope = { milestones: true, progress: { from: '', to: '9999-12', before: false } };

/**
 * Everything the zone's project-driven indicators are computed from, in a few queries: the zone's
 * projects, their milestones' actual dates, and accepted progress per project and month (万元).
 * @param overlay progress not yet accepted laid over the accepted figures (the plan page's preview)
 * @param scope only what some indicators read (scopeOf); without it, everything
 */
export async function loadProjectFacts(db: DbOrTx, zoneId: string, overlay?: ProgressOverlay, scope: FactsScope = EVERYTHING): Promise<ProjectSeriesFacts[]> {
  type P = { id: string; category: string; batches: string[]; year: number; total: number; annual: number; stage: string; dates: string | null; months: string | null; before: string | null };
  const { progress } = scope;
  // One query: the projects, each with its milestone dates (`stage=date …`), its progress of the
  // periods wanted (`period=value …`, one row per project and period) and its sum before them: per
  // project an index range of (project, stage) and (project, period), never the zone's whole history.
  const [row] = await queryRows<{ j: string }>(
    db,
    sql`select coalesce(json_agg(json_build_object(
          'id', p.id, 'category', p.category, 'batches', p.batches, 'year', p.year, 'total', p.total_investment, 'annual', p.annual_investment,
          'stage', p.stage, 'dates', m.dates, 'months', x.months, 'before', b.before)), '[]')::text as j
        from ${project} p
        left join lateral (select string_agg(ms.stage || '=' || ms.actual_date::text, ' ') as dates from ${projectMilestone} ms
          where ${scope.milestones ? sql`ms.project_id = p.id and ms.actual_date is not null` : sql`false`}) m on true
        left join lateral (select string_agg(pp.period || '=' || pp.completed_investment::text, ' ') as months from ${projectProgress} pp
          where ${progress ? sql`pp.project_id = p.id and pp.review_state = 'accepted' and pp.period >= ${progress.from} and pp.period <= ${progress.to}` : sql`false`}) x on true
        left join lateral (select sum(pp.completed_investment)::text as before from ${projectProgress} pp
          where ${progress?.before ? sql`pp.project_id = p.id and pp.review_state = 'accepted' and pp.period < ${progress.from}` : sql`false`}) b on true
        where p.zone_id = ${zoneId}${scope.categories ? sql` and p.category in ${scope.categories}` : sql``}${scope.years ? sql` and p.year in ${scope.years}` : sql``}`,
  );
  const projects = JSON.parse(row?.j ?? '[]') as P[];
  const pairs = (text: string | null) => (text ? text.split(' ').map((t) => t.split('=') as [string, string]) : []);
  const dates = new Map<string, Map<string, string>>();
  const completed = new Map<string, Map<string, number>>();
  for (const p of projects) {
    dates.set(p.id, new Map(pairs(p.dates)));
    const months = new Map(pairs(p.months).map(([q, v]) => [q, Number(v)] as const));
    if (progress && p.before !== null) months.set(monthBefore(progress.from), Number(p.before));
    for (const [q, v] of overlay?.get(p.id) ?? []) if (progress && q >= progress.from && q <= progress.to) months.set(q, v);
    completed.set(p.id, months);
  }
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
 * Loads what of the zone's project facts the rows read, once, and nothing at all when no row is project-driven.
 * @param facts the zone's facts when already loaded
 * @param lastYear false: only the months of each indicator's own year (the year before is then not loaded)
 * @returns indicator id → (period `2021-03` → decimal string)
 */
export async function projectSeries(
  db: DbOrTx,
  zoneId: string,
  rows: ProjectSeriesRow[],
  asOf: string,
  facts?: ProjectSeriesFacts[],
  overlay?: ProgressOverlay,
  lastYear = true,
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const driven: { row: ProjectSeriesRow; filter: ProjectFilter; kind: string; year: number }[] = [];
  for (const r of rows) {
    if (r.source !== 'projects') continue;
    const f = projectFilter.safeParse(r.projectFilter);
    if (f.success) driven.push({ row: r, filter: f.data, kind: r.kind, year: r.year });
    else out.set(r.id, new Map());
  }
  if (driven.length === 0) return out;
  const all = facts ?? (await loadProjectFacts(db, zoneId, overlay, scopeOf(driven, overlay, lastYear)));
  // A plan's project-driven indicators share a handful of filters: each distinct one is computed once.
  const computed = new Map<string, Map<string, string>>();
  for (const d of driven) {
    const key = JSON.stringify([d.filter.measure, d.filter.categories, d.filter.batches, d.filter.stageReached, d.filter.year, d.kind, d.row.unitOfMeasure, d.row.year]);
    let values = computed.get(key);
    if (!values) computed.set(key, (values = projectIndicatorSeries(all, d.filter, d.kind as IndicatorKind, d.row.unitOfMeasure, d.row.year, asOf)));
    // Without the year before loaded, its months would come out wrong: they are left out.
    out.set(d.row.id, lastYear ? new Map(values) : new Map([...values].filter(([q]) => q >= `${d.row.year}-01`)));
  }
  return out;
}
