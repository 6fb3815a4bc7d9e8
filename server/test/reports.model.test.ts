import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { REPORT_TRANSITIONS, type ReportAction, type ReportState } from '@lantu/core';
import { auditEvent } from '../src/modules/audit/audit.table.js';
import { reportCycle } from '../src/modules/reporting/reporting.table.js';
import type { Session, TestApp } from './helpers.js';
import { MODEL_RUN, codeOf, openModelWorld, race } from './model-world.js';

/**
 * Model-based test (fast-check commands) of a unit report's state machine (fill, submit, approve,
 * return, accept, reopen): random sequences of steps, some sent two or three at once by different
 * people, against the real routes and a model of what must happen: exactly one of concurrent
 * approvals/acceptances wins, no state is skipped (the audit trail of every report is a chain of
 * legal steps), and the accepted figures add up: project progress and indicator values equal the
 * sum of what the unit's accepted reports said. Everything happens in the unit MDL (model-world.ts).
 */

let t: TestApp;
let reporter: Session;
let head: Session;
let head2: Session;
let office: Session;
let office2: Session;
let zoneId: string;
let mdl: string;
let projectId: string;
let indicatorId: string;
const PERIODS = ['2021-03', '2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'];
/** What the MDL reports accepted so far, by period: the figures the registry and the indicator must show. */
const acceptedProgress = new Map<string, number>();
const acceptedValues = new Map<string, number>();
let runs = 0;

beforeAll(async () => {
  const w = await openModelWorld();
  ({ t, reporter, head, head2, office, office2, zoneId, mdl } = w);
  const p = await office.request('POST', '/api/v1/projects', { code: 'MDL-P', name: '模型测试项目', category: 'industry', year: 2021, totalInvestment: 100_000_000, annualInvestment: 10_000, leadUnitId: mdl });
  expect(p.statusCode, p.body).toBe(201);
  projectId = p.json().id;
  const i = await office.request('POST', `/api/v1/items/${w.annualItemId}/indicators`, { code: 'MDL-AMT', name: '模型测试指标', kind: 'amount', unitOfMeasure: '万元', year: 2021, target: '1000', reportingUnitId: mdl });
  expect(i.statusCode, i.body).toBe(201);
  indicatorId = i.json().id;
}, 180_000);
afterAll(() => t?.close());

// ————————————————————————————————————— unit reports —————————————————————————————————————

interface Line {
  id: string;
  kind: 'indicator' | 'project';
  version: number;
  value: number | null;
}
interface ReportModel {
  state: ReportState;
  version: number;
  lines: Line[];
  steps: number;
}
interface ReportReal {
  id: string;
  period: string;
}
/** A step on the report, then the server's report compared with the model. */
abstract class ReportCmd implements fc.AsyncCommand<ReportModel, ReportReal> {
  abstract check(m: Readonly<ReportModel>): boolean;
  abstract act(m: ReportModel, r: ReportReal): Promise<void>;
  async run(m: ReportModel, r: ReportReal): Promise<void> {
    await this.act(m, r);
    await checkReport(m, r);
  }
}
const EDITABLE: ReportState[] = ['not_started', 'draft', 'returned'];
const step = (s: Session, r: ReportReal, verb: string, body: Record<string, unknown>) => s.request('POST', `/api/v1/reports/${r.id}/${verb}`, body);

class Fill extends ReportCmd {
  constructor(
    readonly line: number,
    readonly amount: number,
    readonly stale: boolean,
  ) {
    super();
  }
  check(m: Readonly<ReportModel>): boolean {
    return !this.stale || m.lines[this.line % m.lines.length]!.version > 0;
  }
  async act(m: ReportModel, r: ReportReal) {
    const l = m.lines[this.line % m.lines.length]!;
    const figure = l.kind === 'indicator' ? { value: String(this.amount) } : { completedInvestment: this.amount };
    const res = await reporter.request('PUT', `/api/v1/reports/${r.id}/lines/${l.id}`, { ...figure, note: '模型测试', version: l.version - (this.stale ? 1 : 0) });
    if (!EDITABLE.includes(m.state)) return void expect(codeOf(res), res.body).toBe('conflict');
    if (this.stale) return void expect(codeOf(res), res.body).toBe('version_conflict');
    expect(res.statusCode, res.body).toBe(200);
    Object.assign(l, { version: l.version + 1, value: this.amount });
    if (m.state === 'not_started') m.state = 'draft';
  }
  override toString = () => `fill(${this.line}, ${this.amount}${this.stale ? ', stale' : ''})`;
}

class Submit extends ReportCmd {
  constructor(readonly byHead: boolean) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const res = await step(this.byHead ? head : reporter, r, 'submit', { version: m.version });
    if (m.state !== 'draft' && m.state !== 'returned') return void expect(codeOf(res), res.body).toBe('conflict');
    if (m.lines.some((l) => l.value === null)) return void expect(codeOf(res), res.body).toBe('validation_failed');
    expect(res.statusCode, res.body).toBe(200);
    Object.assign(m, { state: 'submitted', version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => `submit(${this.byHead ? 'head' : 'reporter'})`;
}

/** The unit head approves, from one to three times at once: exactly one may win. */
class Approve extends ReportCmd {
  constructor(readonly times: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const rs = await Promise.all(Array.from({ length: this.times }, (_, i) => step(i % 2 ? head2 : head, r, 'approve', { version: m.version })));
    const { winners, othersConflict } = race(rs);
    expect(othersConflict, rs.map((x) => x.body).join('\n')).toBe(true);
    expect(winners).toBe(m.state === 'submitted' ? 1 : 0);
    if (winners) Object.assign(m, { state: 'unit_approved', version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => `approve×${this.times}`;
}

/** The head approves while a second head session returns the same report: one of the two wins. */
class ApproveOrReturn extends ReportCmd {
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const [a, b] = await Promise.all([
      step(head, r, 'approve', { version: m.version }),
      step(head2, r, 'return', { version: m.version, lines: [{ lineId: m.lines[0]!.id, reason: '请核实' }] }),
    ]);
    const winners = [a, b].filter((x) => x.statusCode === 200).length;
    // The loser is refused for the state it now finds, or (the head returning an approved report) for the role.
    expect([a, b].filter((x) => x.statusCode !== 200).every((x) => [403, 409].includes(x.statusCode)), `${a.body}\n${b.body}`).toBe(true);
    if (m.state !== 'submitted') return void expect(winners).toBe(0);
    expect(winners).toBe(1);
    Object.assign(m, { state: a.statusCode === 200 ? 'unit_approved' : 'returned', version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => 'approve‖return';
}

class Return extends ReportCmd {
  constructor(readonly byOffice: boolean) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const res = await step(this.byOffice ? office : head, r, 'return', { version: m.version, comment: '退回修改', lines: [{ lineId: m.lines[1 % m.lines.length]!.id, reason: '数据有误' }] });
    const from: ReportState = this.byOffice ? 'unit_approved' : 'submitted';
    if (m.state === from) {
      expect(res.statusCode, res.body).toBe(200);
      return void Object.assign(m, { state: 'returned', version: m.version + 1, steps: m.steps + 1 });
    }
    // The other returner's state: refused for the role; any other state: refused for the state.
    expect(codeOf(res), res.body).toBe(m.state === 'submitted' || m.state === 'unit_approved' ? 'forbidden' : 'conflict');
  }
  override toString = () => `return(${this.byOffice ? 'office' : 'head'})`;
}

/** The office accepts, once or twice at once: exactly one may win, and its figures become the accepted ones. */
class Accept extends ReportCmd {
  constructor(readonly times: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const rs = await Promise.all(Array.from({ length: this.times }, (_, i) => step(i % 2 ? office2 : office, r, 'accept', { version: m.version })));
    const { winners, othersConflict } = race(rs);
    expect(othersConflict, rs.map((x) => x.body).join('\n')).toBe(true);
    expect(winners).toBe(m.state === 'unit_approved' ? 1 : 0);
    if (!winners) return;
    Object.assign(m, { state: 'accepted', version: m.version + 1, steps: m.steps + 1 });
    for (const l of m.lines) (l.kind === 'project' ? acceptedProgress : acceptedValues).set(r.period, l.value!);
    await checkTotals();
  }
  override toString = () => `accept×${this.times}`;
}

class Reopen extends ReportCmd {
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const res = await step(office, r, 'reopen', { version: m.version, reason: '重新核对' });
    if (m.state !== 'accepted') return void expect(codeOf(res), res.body).toBe('conflict');
    expect(res.statusCode, res.body).toBe(200);
    Object.assign(m, { state: 'returned', version: m.version + 1, steps: m.steps + 1 });
  }
  override toString = () => 'reopen';
}

/** A step sent with the version before the last change is refused whatever it is. */
class StaleStep extends ReportCmd {
  constructor(readonly verb: 'submit' | 'approve' | 'accept') {
    super();
  }
  check(m: Readonly<ReportModel>): boolean {
    return m.version > 0;
  }
  async act(m: ReportModel, r: ReportReal) {
    const who = { submit: reporter, approve: head, accept: office }[this.verb];
    const res = await step(who, r, this.verb, { version: m.version - 1 });
    expect(res.statusCode, res.body).toBe(409);
  }
  override toString = () => `stale ${this.verb}`;
}

/** The next step forward, whatever it is (fill what is empty, submit, approve, accept): random runs reach acceptance. */
class Forward extends ReportCmd {
  constructor(readonly amount: number) {
    super();
  }
  check(): boolean {
    return true;
  }
  async act(m: ReportModel, r: ReportReal) {
    const empty = m.lines.findIndex((l) => l.value === null);
    if (EDITABLE.includes(m.state) && empty >= 0) return new Fill(empty, this.amount, false).act(m, r);
    if (m.state === 'draft' || m.state === 'returned') return new Submit(false).act(m, r);
    if (m.state === 'submitted') return new Approve(1).act(m, r);
    if (m.state === 'unit_approved') return new Accept(1).act(m, r);
    return new Reopen().act(m, r);
  }
  override toString = () => `forward(${this.amount})`;
}

/** The server's report, as the office reads it, against the model. */
async function checkReport(m: ReportModel, r: ReportReal): Promise<void> {
  const res = await office.request('GET', `/api/v1/reports/${r.id}`);
  expect(res.statusCode, res.body).toBe(200);
  const real = res.json<{ state: string; version: number; lines: { id: string; version: number; value: string | null; completedInvestment: number | null }[] }>();
  expect({ state: real.state, version: real.version }).toEqual({ state: m.state, version: m.version });
  const byId = new Map(real.lines.map((l) => [l.id, l]));
  for (const l of m.lines) {
    const got = byId.get(l.id)!;
    expect({ version: got.version, value: l.kind === 'project' ? got.completedInvestment : got.value === null ? null : Number(got.value) }).toEqual({ version: l.version, value: l.value });
  }
}

/** Totals: the project's progress and cumulative investment, the indicator's values and its cumulative actual, all from accepted reports. */
async function checkTotals(): Promise<void> {
  const progress = (await office.request('GET', `/api/v1/projects/${projectId}/progress`)).json<{ items: { period: string; completedInvestment: number; cumulativeInvestment: number }[] }>().items;
  expect(Object.fromEntries(progress.map((p) => [p.period, p.completedInvestment]))).toEqual(Object.fromEntries(acceptedProgress));
  const sum = [...acceptedProgress.values()].reduce((a, b) => a + b, 0);
  expect(progress.at(-1)?.cumulativeInvestment ?? 0).toBe(sum);
  expect((await office.request('GET', `/api/v1/projects/${projectId}`)).json().cumulativeInvestment).toBe(sum);
  const values = (await office.request('GET', `/api/v1/indicators/${indicatorId}/values`)).json<{ items: { period: string; value: string; reviewState: string }[] }>().items;
  expect(Object.fromEntries(values.map((v) => [v.period, Number(v.value)]))).toEqual(Object.fromEntries(acceptedValues));
  expect(values.every((v) => v.reviewState === 'accepted')).toBe(true);
  const months = (await office.request('GET', `/api/v1/indicators/${indicatorId}/series`)).json<{ months: { period: string; actual: string | null }[] }>().months;
  const last = [...acceptedValues.keys()].sort().at(-1);
  if (last) {
    const total = [...acceptedValues.values()].reduce((a, b) => a + b, 0);
    expect(Number(months.find((x) => x.period === last)!.actual)).toBe(total);
  }
}

/** The report's audit trail: one event per step, each a legal step from the state the previous one left. */
async function checkTrail(m: ReportModel, r: ReportReal): Promise<void> {
  const rows = await t.database.db
    .select({ action: auditEvent.action, summary: auditEvent.summary })
    .from(auditEvent)
    .where(and(eq(auditEvent.objectId, r.id), inArray(auditEvent.action, ['report.submit', 'report.approve', 'report.return', 'report.accept', 'report.reopen'])))
    .orderBy(asc(auditEvent.id));
  expect(rows.length).toBe(m.steps);
  let state: ReportState | null = null;
  for (const row of rows) {
    const s = row.summary as { before: { state: ReportState }; after: { state: ReportState } };
    const tr = REPORT_TRANSITIONS[row.action.slice('report.'.length) as ReportAction];
    expect(tr.from, `${row.action} from ${s.before.state}`).toContain(s.before.state);
    expect(s.after.state).toBe(tr.to);
    if (state) expect(s.before.state, `${row.action} after ${state}`).toBe(state);
    else expect(['draft', 'returned']).toContain(s.before.state);
    state = s.after.state;
  }
  expect(state ?? 'draft').toBe(m.state === 'not_started' ? 'draft' : m.state);
  const lineEvents = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(and(eq(auditEvent.objectId, r.id), eq(auditEvent.action, 'report.line.put')));
  expect(lineEvents[0]!.n).toBe(m.lines.reduce((n, l) => n + l.version, 0));
}

/** A fresh cycle for the run's month (an earlier run's cycle of that month is removed first), and MDL's report in it. */
async function openReport(): Promise<{ model: ReportModel; real: ReportReal }> {
  const period = PERIODS[runs++ % PERIODS.length]!;
  await t.database.db.delete(reportCycle).where(and(eq(reportCycle.zoneId, zoneId), eq(reportCycle.period, period)));
  const c = await office.request('POST', '/api/v1/report-cycles', { period });
  expect(c.statusCode, c.body).toBe(201);
  const list = (await office.request('GET', `/api/v1/reports?cycleId=${c.json().id}&unitId=${mdl}`)).json<{ items: { id: string }[] }>();
  const id = list.items[0]!.id;
  const detail = (await office.request('GET', `/api/v1/reports/${id}`)).json<{ state: ReportState; version: number; lines: { id: string; kind: 'indicator' | 'project'; version: number }[] }>();
  expect(detail.lines.map((l) => l.kind).sort()).toEqual(['indicator', 'project']);
  const lines = detail.lines.map((l) => ({ id: l.id, kind: l.kind, version: l.version, value: null }));
  return { model: { state: detail.state, version: detail.version, lines, steps: 0 }, real: { id, period } };
}

const reportCommands = [
  fc.integer({ min: 0, max: 5000 }).map((a) => new Forward(a)),
  fc.integer({ min: 0, max: 5000 }).map((a) => new Forward(a)),
  fc.integer({ min: 0, max: 5000 }).map((a) => new Forward(a)),
  fc.tuple(fc.nat(3), fc.integer({ min: 0, max: 5000 }), fc.boolean()).map(([l, a, s]) => new Fill(l, a, s)),
  fc.tuple(fc.nat(3), fc.integer({ min: 0, max: 5000 })).map(([l, a]) => new Fill(l, a, false)),
  fc.boolean().map((h) => new Submit(h)),
  fc.integer({ min: 1, max: 3 }).map((n) => new Approve(n)),
  fc.constant(new ApproveOrReturn()),
  fc.boolean().map((o) => new Return(o)),
  fc.integer({ min: 1, max: 2 }).map((n) => new Accept(n)),
  fc.constant(new Reopen()),
  fc.constantFrom('submit', 'approve', 'accept').map((v) => new StaleStep(v as 'submit' | 'approve' | 'accept')),
];

describe('the unit report state machine (model-based)', () => {
  it('follows the model through random and concurrent steps; the trail is a chain of legal steps; accepted figures add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(reportCommands, { maxCommands: 30, size: 'max' }), async (cmds) => {
        const { model, real } = await openReport();
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await checkTrail(model, real);
      }),
      MODEL_RUN,
    );
    expect(acceptedProgress.size + acceptedValues.size).toBeGreaterThan(0);
    await checkTotals();
  }, 600_000);
});

// ————————————————————————————————————— project stages —————————————————————————————————————
