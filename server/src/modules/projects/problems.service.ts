import { type SQL, and, asc, count, eq, sql } from 'drizzle-orm';
import type { CreateProblemBody, Problem, ProblemActionBody, ProblemListQuery, ProblemState, UpdateProblemBody } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/indicators.service.js';
import { unit } from '../units/units.table.js';
import { type ProjectScope, assertCanWorkOn } from './projects.policy.js';
import { findProjectRow } from './projects.service.js';
import { project, projectProblem } from './projects.table.js';

type ProblemRow = typeof projectProblem.$inferSelect;
interface Joined {
  row: ProblemRow;
  projectCode: string;
  projectName: string;
  leadUnitId: string | null;
  ownerUnitName: string;
}

const view = (j: Joined, asOf: string): Problem => ({
  id: j.row.id,
  projectId: j.row.projectId,
  projectCode: j.projectCode,
  projectName: j.projectName,
  description: j.row.description,
  ownerUnitId: j.row.ownerUnitId,
  ownerUnitName: j.ownerUnitName,
  deadline: j.row.deadline,
  state: j.row.state as ProblemState,
  resolution: j.row.resolution,
  overdue: j.row.state === 'open' && j.row.deadline !== null && j.row.deadline < asOf,
  version: j.row.version,
  createdAt: j.row.createdAt.toISOString(),
});

const joined = (db: DbOrTx) =>
  db
    .select({ row: projectProblem, projectCode: project.code, projectName: project.name, leadUnitId: project.leadUnitId, ownerUnitName: unit.name })
    .from(projectProblem)
    .innerJoin(project, eq(project.id, projectProblem.projectId))
    .innerJoin(unit, eq(unit.id, projectProblem.ownerUnitId));

/** Open first, then resolved, then closed; within a state by deadline (none last), then oldest first. */
const ORDER = [sql`case ${projectProblem.state} when 'open' then 0 when 'resolved' then 1 else 2 end`, sql`${projectProblem.deadline} asc nulls last`, asc(projectProblem.createdAt), asc(projectProblem.id)];

/**
 * The zone's problems (问题清单), filtered by owner unit, project and state, open first then by deadline.
 */
export async function listProblems(db: DbOrTx, zoneId: string, query: Partial<ProblemListQuery>): Promise<{ items: Problem[]; total: number }> {
  const where: SQL | undefined = and(
    eq(projectProblem.zoneId, zoneId),
    query.ownerUnitId ? eq(projectProblem.ownerUnitId, query.ownerUnitId) : undefined,
    query.projectId ? eq(projectProblem.projectId, query.projectId) : undefined,
    query.state ? eq(projectProblem.state, query.state) : undefined,
  );
  const size = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const [rows, [total], asOf] = await Promise.all([
    joined(db).where(where).orderBy(...ORDER).limit(size).offset((page - 1) * size),
    db.select({ n: count() }).from(projectProblem).where(where),
    asOfDate(db, zoneId),
  ]);
  return { items: rows.map((r) => view(r, asOf)), total: total?.n ?? 0 };
}

/**
 * Every problem of one project, open first then by deadline.
 * @throws AppError not_found
 */
export async function listProjectProblems(db: DbOrTx, zoneId: string, projectId: string): Promise<{ items: Problem[]; total: number }> {
  await findProjectRow(db, zoneId, projectId);
  const [rows, asOf] = await Promise.all([joined(db).where(eq(projectProblem.projectId, projectId)).orderBy(...ORDER), asOfDate(db, zoneId)]);
  return { items: rows.map((r) => view(r, asOf)), total: rows.length };
}

async function getProblem(db: DbOrTx, zoneId: string, id: string): Promise<Problem> {
  const [row] = await joined(db).where(and(eq(projectProblem.id, id), eq(projectProblem.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return view(row, await asOfDate(db, zoneId));
}

/** @throws AppError not_found when the problem is not in the zone */
async function findForUpdate(db: DbOrTx, zoneId: string, id: string): Promise<Joined> {
  const [row] = await joined(db)
    .where(and(eq(projectProblem.id, id), eq(projectProblem.zoneId, zoneId)))
    .for('update', { of: projectProblem });
  if (!row) throw new AppError('not_found');
  return row;
}

async function checkOwnerUnit(db: DbOrTx, zoneId: string, ownerUnitId: string): Promise<void> {
  const [u] = await db.select({ id: unit.id }).from(unit).where(and(eq(unit.id, ownerUnitId), eq(unit.zoneId, zoneId)));
  if (!u) throw fieldError([{ field: 'ownerUnitId', issue: 'not_found' }]);
}

const summaryOf = (r: ProblemRow) => ({ description: r.description, ownerUnitId: r.ownerUnitId, deadline: r.deadline, state: r.state, resolution: r.resolution });

/**
 * Raises a problem needing coordination on a project, owned by a unit of the zone.
 * @throws AppError not_found (project), forbidden (not the office nor lead-unit staff), validation_failed (ownerUnitId not_found)
 */
export async function createProblem(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, projectId: string, body: CreateProblemBody): Promise<Problem> {
  return db.transaction(async (tx) => {
    const p = await findProjectRow(tx, zoneId, projectId);
    assertCanWorkOn(scope, p.leadUnitId);
    await checkOwnerUnit(tx, zoneId, body.ownerUnitId);
    const [row] = await tx
      .insert(projectProblem)
      .values({ zoneId, projectId, description: body.description, ownerUnitId: body.ownerUnitId, deadline: body.deadline ?? null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'project_problem.create', objectType: 'project_problem', objectId: row!.id, summary: { projectId, code: p.code, after: summaryOf(row!) } });
    return getProblem(tx, zoneId, row!.id);
  });
}

/**
 * Corrects a problem's description, owner unit or deadline (not once closed: reopen it first).
 * @throws AppError not_found, forbidden (not the office nor the project's lead-unit staff), version_conflict,
 *   conflict (reason state), validation_failed (ownerUnitId not_found)
 */
export async function updateProblem(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, id: string, body: UpdateProblemBody): Promise<Problem> {
  return db.transaction(async (tx) => {
    const before = await findForUpdate(tx, zoneId, id);
    assertCanWorkOn(scope, before.leadUnitId);
    if (before.row.version !== body.version) throw new AppError('version_conflict');
    if (before.row.state === 'closed') throw new AppError('conflict', { reason: 'state', state: before.row.state });
    if (body.ownerUnitId) await checkOwnerUnit(tx, zoneId, body.ownerUnitId);
    const { version, ...change } = body;
    const [after] = await tx.update(projectProblem).set({ ...change, version: version + 1, updatedAt: new Date() }).where(eq(projectProblem.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'project_problem.update',
      objectType: 'project_problem',
      objectId: id,
      summary: { projectId: before.row.projectId, code: before.projectCode, before: summaryOf(before.row), after: summaryOf(after!) },
    });
    return getProblem(tx, zoneId, id);
  });
}

type Action = 'resolve' | 'close' | 'reopen';
const TRANSITIONS: Record<Action, { from: ProblemState[]; to: ProblemState }> = {
  resolve: { from: ['open'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'open' },
};

async function transition(db: DbOrTx, actor: Actor, zoneId: string, id: string, action: Action, body: ProblemActionBody, scope?: ProjectScope): Promise<Problem> {
  return db.transaction(async (tx) => {
    const before = await findForUpdate(tx, zoneId, id);
    if (scope) assertCanWorkOn(scope, before.row.ownerUnitId);
    if (before.row.version !== body.version) throw new AppError('version_conflict');
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(before.row.state as ProblemState)) throw new AppError('conflict', { reason: 'state', state: before.row.state });
    const text = body.text ?? null;
    if (action === 'resolve' && !text) throw fieldError([{ field: 'text', issue: 'required' }]);
    const resolution = action === 'resolve' ? text : action === 'reopen' ? null : before.row.resolution;
    await tx.update(projectProblem).set({ state: to, resolution, version: body.version + 1, updatedAt: new Date() }).where(eq(projectProblem.id, id));
    await recordAudit(tx, actor, {
      action: `project_problem.${action}`,
      objectType: 'project_problem',
      objectId: id,
      summary: { projectId: before.row.projectId, code: before.projectCode, from: before.row.state, to, text, resolutionBefore: before.row.resolution },
    });
    return getProblem(tx, zoneId, id);
  });
}

/**
 * Marks an open problem resolved, saying what was done (`text`, required): the office or staff of the owner unit.
 * @throws AppError not_found, forbidden, version_conflict, conflict (reason state), validation_failed (text required)
 */
export const resolveProblem = (db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, id: string, body: ProblemActionBody): Promise<Problem> =>
  transition(db, actor, zoneId, id, 'resolve', body, scope);

/**
 * Closes (销号) a resolved problem: the office.
 * @throws AppError not_found, version_conflict, conflict (reason state)
 */
export const closeProblem = (db: DbOrTx, actor: Actor, zoneId: string, id: string, body: ProblemActionBody): Promise<Problem> => transition(db, actor, zoneId, id, 'close', body);

/**
 * Reopens a resolved or closed problem (the office; `text` says why); its resolution is cleared.
 * @throws AppError not_found, version_conflict, conflict (reason state)
 */
export const reopenProblem = (db: DbOrTx, actor: Actor, zoneId: string, id: string, body: ProblemActionBody): Promise<Problem> => transition(db, actor, zoneId, id, 'reopen', body);
