import { type CreateProjectBody, PROJECT_STAGES, type ProjectStage, type PutProgressBody, type UpdateProjectBody, createProjectBody, putProgressBody } from '@lantu/core';
import { optionOf } from '../exchange/exchange.columns.js';
import { shown, splitList } from '../exchange/exchange.cells.js';
import { type FieldIssue, type RawRow, type UnitRef, changedFields, locate, readRow, unitResolver, zodToFields } from '../exchange/exchange.rows.js';
import type { ProjectScope } from './projects.policy.js';
import { BATCH_OPTIONS, PROGRESS_COLUMNS, PROJECT_COLUMNS, plannedKey } from './projects-exchange.columns.js';
import type { ProjectRowIssue, ProjectSheet } from './projects-exchange.read.js';

/** Row rules of the project imports: every row checked through the API's own schemas before anything is saved. Pure. */

type Fields = Omit<CreateProjectBody, 'plannedDates'>;
type Dates = Partial<Record<ProjectStage, string | null>>;

export interface ExistingProject {
  id: string;
  code: string;
  version: number;
  fields: Fields;
  plannedDates: Record<ProjectStage, string | null>;
  leadUnitId: string | null;
  /** Progress recorded, all months (万元). */
  completed: number;
}

export interface ProjectsContext {
  units: UnitRef[];
  users: { id: string; username: string }[];
  projects: ExistingProject[];
}

export type ProjectOp = { row: number; code: string } & ({ op: 'create'; body: CreateProjectBody } | { op: 'update'; id: string; body: UpdateProjectBody });

export interface ImportPlan<Op> {
  issues: ProjectRowIssue[];
  ops: Op[];
  unchanged: number;
  skipped: number;
}

/** Request-body fields → the columns that hold them. */
export const COLUMN_OF: Record<string, string> = { leadUnitId: 'leadUnit', leaderId: 'leader', ...Object.fromEntries(PROJECT_STAGES.map((s) => [`plannedDates.${s}`, plannedKey(s)])) };
const READ_PROJECT = PROJECT_COLUMNS.filter((c) => !c.reference);
const READ_PROGRESS = PROGRESS_COLUMNS.filter((c) => !c.reference);

/** Zod issues on a body → row fields; planned dates are named by their stage's column. */
function schemaIssues(issues: readonly { path: PropertyKey[]; code: string }[], cells: RawRow['cells']): FieldIssue[] {
  const flat = issues.map((i) => (i.path[0] === 'plannedDates' ? { ...i, path: [`plannedDates.${String(i.path[1])}`] } : i));
  return zodToFields(flat, COLUMN_OF, (f) => shown(cells[f] ?? null));
}

/** A row of the 重点项目 sheet as body fields (only the cells given) and the cells it could not read. */
function projectFields(row: RawRow, ctx: ProjectsContext, resolveUnit: ReturnType<typeof unitResolver>): { given: Partial<Fields>; dates: Dates; issues: FieldIssue[] } {
  const { fields, issues } = readRow(READ_PROJECT, row, resolveUnit);
  const { leadUnit, leader, batches, lat, lng, ...rest } = fields as Record<string, unknown>;
  const given: Record<string, unknown> = {};
  const dates: Dates = {};
  for (const [k, v] of Object.entries(rest)) {
    const stage = PROJECT_STAGES.find((s) => plannedKey(s) === k);
    if (stage) dates[stage] = v as string;
    else given[k] = v;
  }
  if (leadUnit !== undefined) given.leadUnitId = leadUnit;
  if (lat !== undefined) given.lat = Number(lat);
  if (lng !== undefined) given.lng = Number(lng);
  if (typeof leader === 'string') {
    const user = ctx.users.find((u) => u.username.toLowerCase() === leader.toLowerCase());
    if (user) given.leaderId = user.id;
    else issues.push({ field: 'leader', issue: 'unknown_user', got: leader });
  }
  if (typeof batches === 'string') {
    const ids = splitList(batches).map((b) => optionOf(BATCH_OPTIONS, b));
    if (ids.every((id) => id !== undefined)) given.batches = [...new Set(ids)] as Fields['batches'];
    else issues.push({ field: 'batches', issue: 'unknown_option', got: batches, expected: Object.values(BATCH_OPTIONS).map((w) => w[0]).join(' / ') });
  }
  return { given: given as Partial<Fields>, dates, issues };
}

/** The service's rules that span fields: annual within total, both coordinates or neither, total not below what is done. */
function projectRules(after: Fields, completed: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (after.annualInvestment > after.totalInvestment) out.push({ field: 'annualInvestment', issue: 'exceeds_total', limit: after.totalInvestment });
  if ((after.lat == null) !== (after.lng == null)) out.push({ field: after.lat == null ? 'lat' : 'lng', issue: 'required' });
  if (after.totalInvestment < completed) out.push({ field: 'totalInvestment', issue: 'below_completed', limit: completed });
  return out;
}

/** The fields of `given` that differ from the stored project (coordinates within a float's noise count as equal). */
function changesOf(given: Partial<Fields>, current: ExistingProject): Partial<Fields> {
  const changes = changedFields(given, current.fields, []);
  for (const k of ['lat', 'lng'] as const) {
    const [a, b] = [changes[k], current.fields[k]];
    if (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9) delete changes[k];
  }
  return changes;
}

/** Checks every row of a 重点项目 sheet and plans creates and updates; nothing is planned for a file with issues. */
export function planProjectsImport(sheet: ProjectSheet, ctx: ProjectsContext): ImportPlan<ProjectOp> {
  const resolveUnit = unitResolver(ctx.units);
  const existing = new Map(ctx.projects.map((p) => [p.code, p]));
  const seen = new Map<string, number>();
  const issues: ProjectRowIssue[] = [];
  const ops: ProjectOp[] = [];
  let unchanged = 0;
  for (const row of sheet.rows) {
    const { given, dates, issues: own } = projectFields(row, ctx, resolveUnit);
    const all: FieldIssue[] = [...own];
    const add = (i: FieldIssue) => all.some((x) => x.field === i.field) || all.push(i);
    const code = typeof given.code === 'string' ? given.code : undefined;
    if (code && seen.has(code)) add({ field: 'code', issue: 'duplicate', got: code, expected: String(seen.get(code)) });
    else if (code) seen.set(code, row.row);
    const current = code ? existing.get(code) : undefined;
    const merged = { ...current?.fields, ...given };
    const parsed = createProjectBody.safeParse({ ...merged, plannedDates: dates });
    if (!parsed.success) schemaIssues(parsed.error.issues, row.cells).forEach(add);
    else projectRules(parsed.data as Fields, current?.completed ?? 0).forEach(add);
    issues.push(...locate(sheet, row.row, all));
    if (all.length || !parsed.success || !code) continue;
    if (!current) {
      ops.push({ row: row.row, code, op: 'create', body: parsed.data });
      continue;
    }
    const fromFile = Object.fromEntries(Object.keys(given).map((k) => [k, parsed.data[k as keyof Fields]])) as Partial<Fields>;
    const changes = changesOf(fromFile, current);
    const changedDates = Object.fromEntries(Object.entries(dates).filter(([s, d]) => current.plannedDates[s as ProjectStage] !== d));
    if (Object.keys(changes).length === 0 && Object.keys(changedDates).length === 0) unchanged++;
    else ops.push({ row: row.row, code, op: 'update', id: current.id, body: { version: current.version, ...changes, ...(Object.keys(changedDates).length ? { plannedDates: changedDates } : {}) } });
  }
  return { issues, ops: issues.length ? [] : ops, unchanged, skipped: 0 };
}

export interface ProgressContext {
  scope: ProjectScope;
  /** The zone's business month: progress of later months cannot be entered yet. */
  asOfMonth: string;
  projects: { id: string; code: string; totalInvestment: number; leadUnitId: string | null }[];
  progress: { projectId: string; period: string; completedInvestment: number; imageProgress: string | null; note: string | null; version: number }[];
}

export interface ProgressOp {
  row: number;
  code: string;
  projectId: string;
  period: string;
  created: boolean;
  body: PutProgressBody;
}

const FIGURES = ['completedInvestment', 'imageProgress', 'note'] as const;

/** `exceeds_total` for each row that takes its project's completed investment, all months with the file's, above the total. */
function cumulativeIssues(rows: { row: number; projectId: string; period: string; value: number }[], ctx: ProgressContext): Map<number, FieldIssue> {
  const fileRows = new Map<string, typeof rows>();
  for (const r of rows) (fileRows.get(r.projectId) ?? fileRows.set(r.projectId, []).get(r.projectId)!).push(r);
  const kept = new Map<string, number>();
  for (const g of ctx.progress) {
    if (fileRows.get(g.projectId)?.some((r) => r.period === g.period) === false) kept.set(g.projectId, (kept.get(g.projectId) ?? 0) + g.completedInvestment);
  }
  const out = new Map<number, FieldIssue>();
  for (const p of ctx.projects) {
    const own = fileRows.get(p.id);
    if (!own) continue;
    const final = (kept.get(p.id) ?? 0) + own.reduce((s, r) => s + r.value, 0);
    if (final <= p.totalInvestment) continue;
    for (const r of own) out.set(r.row, { field: 'completedInvestment', issue: 'exceeds_total', got: String(r.value), limit: Math.max(p.totalInvestment - (final - r.value), 0) });
  }
  return out;
}

/** Checks every row of a 月度进展 sheet and plans the month puts; nothing is planned for a file with issues. */
export function planProgressImport(sheet: ProjectSheet, ctx: ProgressContext): ImportPlan<ProgressOp> {
  const projects = new Map(ctx.projects.map((p) => [p.code, p]));
  const current = new Map(ctx.progress.map((g) => [`${g.projectId}|${g.period}`, g]));
  const seen = new Map<string, number>();
  const perRow = new Map<number, FieldIssue[]>();
  const candidates: (ProgressOp & { value: number })[] = [];
  let skipped = 0;
  for (const row of sheet.rows) {
    if (FIGURES.every((f) => row.cells[f] == null)) {
      skipped++;
      continue;
    }
    const { fields, issues: own } = readRow(READ_PROGRESS, row, () => ({ ok: false, issue: 'unknown_unit' }));
    const { code, period, ...figures } = fields as { code?: string; period?: string } & Record<string, unknown>;
    const all: FieldIssue[] = [...own];
    const add = (i: FieldIssue) => all.some((x) => x.field === i.field) || all.push(i);
    const parsed = putProgressBody.safeParse(figures);
    if (!parsed.success) schemaIssues(parsed.error.issues, row.cells).forEach(add);
    const p = code ? projects.get(code) : undefined;
    if (code && !p) add({ field: 'code', issue: 'unknown_project', got: code });
    if (p && !ctx.scope.office && !(p.leadUnitId && ctx.scope.unitIds.includes(p.leadUnitId))) add({ field: 'code', issue: 'not_your_project', got: code });
    if (period && period > ctx.asOfMonth) add({ field: 'period', issue: 'after_as_of', got: period, limit: ctx.asOfMonth });
    const key = p && period ? `${p.id}|${period}` : undefined;
    if (key && seen.has(key)) add({ field: 'period', issue: 'duplicate', got: period, expected: String(seen.get(key)) });
    else if (key) seen.set(key, row.row);
    perRow.set(row.row, all);
    if (!parsed.success || !p || !period || !key) continue;
    const before = current.get(key);
    // A blank 形象进度 or note keeps what the month already says, as the API does when they are left out.
    const body = { ...parsed.data, imageProgress: parsed.data.imageProgress ?? before?.imageProgress ?? null, note: parsed.data.note ?? before?.note ?? null };
    candidates.push({ row: row.row, code: p.code, projectId: p.id, period, created: !before, body: before ? { ...body, version: before.version } : body, value: body.completedInvestment });
  }
  for (const [row, i] of cumulativeIssues(candidates, ctx)) perRow.get(row)!.push(i);
  const issues = sheet.rows.flatMap((r) => locate(sheet, r.row, perRow.get(r.row) ?? []));
  let unchanged = 0;
  const ops: ProgressOp[] = [];
  for (const { value: _v, ...op } of candidates) {
    const before = current.get(`${op.projectId}|${op.period}`);
    const same = before && before.completedInvestment === op.body.completedInvestment && before.imageProgress === op.body.imageProgress && before.note === op.body.note;
    if (same) unchanged++;
    else ops.push(op);
  }
  return { issues, ops: issues.length ? [] : ops, unchanged, skipped };
}
