import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PROJECT_STAGES, type ProjectStage } from '@lantu/core';
import { auditEvent } from '../src/modules/audit/audit.table.js';
import { AS_OF, MODEL_RUN, type ModelWorld, codeOf, openModelWorld, race } from './model-world.js';

/**
 * Model-based test (fast-check commands) of a project's stages: random sequences of advances and
 * reverts, some advances sent two or three at once by different people, against the real routes
 * and a model: exactly one concurrent advance wins, and no stage is skipped (every stage reached
 * has its date, and the audit trail is a chain of legal steps).
 */

let w: ModelWorld;
beforeAll(async () => {
  w = await openModelWorld();
}, 180_000);
afterAll(() => w?.t.close());

interface StageModel {
  stage: number;
  version: number;
  /** Actual dates of the stages reached (index → date). */
  dates: Map<number, string>;
  steps: number;
}
/** A step on the project, then the server's project compared with the model. */
abstract class StageCmd implements fc.AsyncCommand<StageModel, { id: string }> {
  abstract check(m: Readonly<StageModel>): boolean;
  abstract act(m: StageModel, r: { id: string }): Promise<void>;
  async run(m: StageModel, r: { id: string }): Promise<void> {
    await this.act(m, r);
    await checkProject(m, r);
  }
}

const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const lastReached = (m: StageModel) => [...m.dates].filter(([i]) => i <= m.stage).map(([, d]) => d).sort().at(-1) ?? null;

/** Advances to the next stage, from one to three requests at once, on a date relative to the last one reached. */
class Advance extends StageCmd {
  constructor(
    readonly days: number,
    readonly times: number,
    readonly who: number,
  ) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: StageModel, r: { id: string }) {
    const next = PROJECT_STAGES[m.stage + 1];
    const date = addDays(lastReached(m) ?? '2021-06-01', this.days);
    const people = [w.reporter, w.head, w.office];
    const body = { stage: next ?? 'in_production', date, version: m.version, note: '模型测试' };
    const rs = await Promise.all(Array.from({ length: this.times }, (_, i) => people[(this.who + i) % 3]!.request('POST', `/api/v1/projects/${r.id}/advance`, body)));
    const previous = lastReached(m);
    const refusal = !next ? 'not_next' : date > AS_OF ? 'after_as_of' : previous && date < previous ? 'before_previous' : null;
    if (refusal) {
      for (const x of rs) expect(x.json().error?.details?.fields?.[0]?.issue, x.body).toBe(refusal);
      return;
    }
    const { winners, othersConflict } = race(rs);
    expect(othersConflict, rs.map((x) => x.body).join('\n')).toBe(true);
    expect(winners).toBe(1);
    m.stage++;
    m.dates.set(m.stage, date);
    Object.assign(m, { version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => `advance(+${this.days}d ×${this.times})`;
}

class Revert extends StageCmd {
  constructor(readonly stale: boolean) {
    super();
  }
  check(m: Readonly<StageModel>): boolean {
    return !this.stale || m.version > 0;
  }
  async act(m: StageModel, r: { id: string }) {
    const res = await w.office.request('POST', `/api/v1/projects/${r.id}/revert`, { reason: '模型测试退回', version: m.version - (this.stale ? 1 : 0) });
    if (this.stale) return void expect(codeOf(res), res.body).toBe('version_conflict');
    if (m.stage === 0) return void expect(res.json().error?.details?.fields?.[0]?.issue, res.body).toBe('no_previous');
    expect(res.statusCode, res.body).toBe(200);
    m.dates.delete(m.stage);
    m.stage--;
    Object.assign(m, { version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => `revert${this.stale ? '(stale)' : ''}`;
}

async function checkProject(m: StageModel, r: { id: string }): Promise<void> {
  const p = (await w.office.request('GET', `/api/v1/projects/${r.id}`)).json<{ stage: ProjectStage; version: number; milestones: { stage: ProjectStage; actualDate: string | null }[] }>();
  expect({ stage: p.stage, version: p.version }).toEqual({ stage: PROJECT_STAGES[m.stage], version: m.version });
  // No skipped stage: every stage reached has its date, none beyond the current one has.
  expect(p.milestones.map((x) => x.actualDate)).toEqual(PROJECT_STAGES.map((_, i) => (i === 0 ? (p.milestones[0]!.actualDate ?? null) : (m.dates.get(i) ?? null))));
}

async function checkStageTrail(m: StageModel, r: { id: string }): Promise<void> {
  const rows = await w.t.database.db
    .select({ action: auditEvent.action, summary: auditEvent.summary })
    .from(auditEvent)
    .where(and(eq(auditEvent.objectId, r.id), inArray(auditEvent.action, ['project.advance', 'project.revert'])))
    .orderBy(asc(auditEvent.id));
  expect(rows.length).toBe(m.steps);
  let at = 0;
  for (const row of rows) {
    const s = row.summary as { from: ProjectStage; to: ProjectStage };
    expect(PROJECT_STAGES.indexOf(s.from), `${row.action} ${s.from}→${s.to}`).toBe(at);
    at += row.action === 'project.advance' ? 1 : -1;
    expect(PROJECT_STAGES.indexOf(s.to), `${row.action} ${s.from}→${s.to}`).toBe(at);
  }
  expect(at).toBe(m.stage);
}

const stageCommands = [
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 3 }), fc.nat(2)).map(([d, n, w]) => new Advance(d, n, w)),
  fc.tuple(fc.integer({ min: -10, max: 400 }), fc.nat(2)).map(([d, w]) => new Advance(d, 1, w)),
  fc.boolean().map((s) => new Revert(s)),
];

describe('project stages (model-based)', () => {
  it('advance and revert follow the model, concurrent advances have one winner, and no stage is skipped', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(stageCommands, { maxCommands: 25, size: 'max' }), async (cmds) => {
        const res = await w.office.request('POST', '/api/v1/projects', { code: `MDL-S${n++}`, name: '阶段模型项目', category: 'industry', year: 2021, totalInvestment: 1000, annualInvestment: 100, leadUnitId: w.mdl });
        expect(res.statusCode, res.body).toBe(201);
        const real = { id: res.json().id as string };
        const model: StageModel = { stage: PROJECT_STAGES.indexOf(res.json().stage), version: res.json().version, dates: new Map(), steps: 0 };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await checkStageTrail(model, real);
      }),
      MODEL_RUN,
    );
  }, 600_000);
});
