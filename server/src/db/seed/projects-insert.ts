import { randomUUID } from 'node:crypto';
import { PROJECT_STAGES } from '@lantu/core';
import type { DbOrTx } from '../client.js';
import { project, projectMilestone, projectProblem, projectProgress } from '../../modules/projects/projects.table.js';
import { PROJECT_FILTERS } from './plan-2021-indicators.js';
import type { PlanRows } from './plan-insert.js';
import { CITY_PROJECTS } from './projects-city.js';
import { INDUSTRY_PROJECTS } from './projects-industry.js';
import { DEMO_PROBLEMS } from './projects-problems.js';
import { acceptedByAsOf, progressOf } from './projects-progress.js';
import { SOCIETY_PROJECTS } from './projects-society.js';
import type { SeedProblem, SeedProject } from './projects-types.js';

/** Every 重点项目 of the demo zone's 2021 list. */
export const DEMO_PROJECTS: SeedProject[] = [...INDUSTRY_PROJECTS, ...CITY_PROJECTS, ...SOCIETY_PROJECTS];

/** The demo zone's business date: nothing may have happened after it. */
const AS_OF = '2021-03-15';
const PROJECT_YEAR = 2021;

export interface ProjectRows {
  projects: (typeof project.$inferInsert)[];
  milestones: (typeof projectMilestone.$inferInsert)[];
  progress: (typeof projectProgress.$inferInsert)[];
  problems: (typeof projectProblem.$inferInsert)[];
}

export interface DemoProjectCounts {
  projects: number;
  progress: number;
  problems: number;
}

interface Ids {
  zoneId: string;
  unitIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
}

/** Resolves a name or fails loudly: a typo in the demo data is a bug, not a row to skip. */
function must(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo project data: unknown ${what} "${key}"`);
  return id;
}

/** The dates of a project must be in stage order, reached stages no later than the business date, money within the total. */
function checkProject(p: SeedProject, planned: string[], actual: string[]): void {
  const fail = (why: string) => {
    throw new Error(`demo project data: ${p.code} ${why}`);
  };
  if (planned.length !== PROJECT_STAGES.length) fail('needs a planned date for each of the six stages');
  if (actual.length < 1 || actual.length > PROJECT_STAGES.length) fail('needs the actual dates of the stages reached');
  for (const list of [planned, actual]) {
    const ordered = list.every((d, i) => /^\d{4}-\d{2}-\d{2}$/.test(d) && (i === 0 || d >= list[i - 1]!));
    if (!ordered) fail(`has dates out of order: ${list.join(' ')}`);
  }
  if (actual.at(-1)! > AS_OF) fail('reached a stage after the business date');
  const completed = (p.before ?? 0) + (p.m21?.[0] ?? 0) + (p.m21?.[1] ?? 0);
  if (completed > p.total || p.annual > p.total - (p.before ?? 0)) fail('plans or completes more than its total investment');
}

function addProject(ids: Ids, p: SeedProject, out: ProjectRows): void {
  const planned = p.planned.split(' ');
  const actual = p.actual.split(' ');
  checkProject(p, planned, actual);
  const id = randomUUID();
  out.projects.push({
    id, zoneId: ids.zoneId, code: p.code, name: p.name, category: p.category, enterprise: p.enterprise ?? null, description: p.description ?? null,
    leadUnitId: must(ids.unitIds, p.lead, 'unit'), leaderId: must(ids.userIds, p.leader, 'user'), year: PROJECT_YEAR,
    totalInvestment: p.total, annualInvestment: p.annual, lat: p.at?.[0] ?? null, lng: p.at?.[1] ?? null, address: p.at?.[2] ?? null,
    batches: p.batches ?? [], stage: PROJECT_STAGES[actual.length - 1]!, isPublic: p.isPublic ?? true,
  });
  PROJECT_STAGES.forEach((stage, i) => {
    out.milestones.push({ zoneId: ids.zoneId, projectId: id, stage, plannedDate: planned[i]!, actualDate: actual[i] ?? null });
  });
  for (const m of progressOf(p)) {
    if (!acceptedByAsOf(p, m.period)) continue;
    out.progress.push({
      zoneId: ids.zoneId, projectId: id, period: m.period, completedInvestment: m.completed, imageProgress: m.text, note: m.note, reviewState: 'accepted',
    });
  }
}

function addProblem(ids: Ids, s: SeedProblem, projectIds: ReadonlyMap<string, string>, out: ProjectRows): void {
  const raised = new Date(`${s.raised}T09:00:00+08:00`);
  out.problems.push({
    zoneId: ids.zoneId, projectId: must(projectIds, s.project, 'project'), description: s.description, ownerUnitId: must(ids.unitIds, s.owner, 'unit'),
    deadline: s.deadline, state: s.state, resolution: s.resolution ?? null, createdAt: raised, updatedAt: raised,
  });
}

/**
 * The rows of the demo projects, built in memory with client-side ids so each table takes one statement.
 * @throws Error when the data is inconsistent (see checkProject), a code repeats or a name does not resolve
 */
export function projectRows(ids: Ids, projects: SeedProject[] = DEMO_PROJECTS, problems: SeedProblem[] = DEMO_PROBLEMS): ProjectRows {
  const out: ProjectRows = { projects: [], milestones: [], progress: [], problems: [] };
  for (const p of projects) addProject(ids, p, out);
  const projectIds = new Map(out.projects.map((r) => [r.code, r.id!]));
  if (projectIds.size !== projects.length) throw new Error('demo project data: duplicate project codes');
  for (const s of problems) addProblem(ids, s, projectIds, out);
  return out;
}

/**
 * Loads the demo zone's 重点项目 from the seed page inside seedDemo's transaction: the registry with
 * milestones, the monthly progress accepted so far (JFJ's February is still in its draft report) and the 问题清单. Four statements.
 * @param unitIds DEMO_UNITS code → unit id
 * @param userIds demo username → user id, the 分管领导 of plan-leaders.ts included
 * @throws Error when the demo data is inconsistent (an unknown unit, dates out of order, money above the total)
 */
export async function seedDemoProjects(tx: DbOrTx, zoneId: string, unitIds: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>): Promise<DemoProjectCounts> {
  const rows = projectRows({ zoneId, unitIds, userIds });
  await tx.insert(project).values(rows.projects);
  await tx.insert(projectMilestone).values(rows.milestones);
  await tx.insert(projectProgress).values(rows.progress);
  await tx.insert(projectProblem).values(rows.problems);
  return { projects: rows.projects.length, progress: rows.progress.length, problems: rows.problems.length };
}

/**
 * Turns the demo plan's project-driven indicators (PROJECT_FILTERS) to source `projects` before the plan
 * rows are inserted: their values come from the registry, so they must bring none of their own.
 * @throws Error when such an indicator is missing or has seeded values
 */
export function useProjectSources(rows: PlanRows): void {
  for (const [code, filter] of Object.entries(PROJECT_FILTERS)) {
    const row = rows.indicators.find((i) => i.code === code);
    if (!row) throw new Error(`demo plan data: the project-driven indicator ${code} is missing`);
    if (rows.values.some((v) => v.indicatorId === row.id)) throw new Error(`demo plan data: ${code} is computed from projects and takes no values`);
    row.source = 'projects';
    row.projectFilter = filter;
  }
}
