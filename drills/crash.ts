/**
 * Crash durability drill: the real server under a bounded write load, killed with SIGKILL at
 * random moments and restarted, on a fresh PGlite data directory and on a fresh PostgreSQL
 * database. The clients record every acknowledged write; after each restart the server must
 * still hold every one of them, and no write may be half there.
 *
 *   npm run drill:crash                       # 50 kill cycles on PGlite, then 50 on PostgreSQL
 *   npm run drill:crash -- --short            # 4 cycles each (CI)
 *   npm run drill:crash -- --db pglite --cycles 20 --seed 7
 *
 * Must hold: 0 acknowledged writes missing; 0 half-applied operations (seen by the clients, and
 * in the database as a change without its audit event or the reverse); every restart ≤ 5 s;
 * `lantu audit verify` passes at the end; no 5xx and no refusal of a write the client was
 * entitled to make.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type Database, openPostgres } from '../server/src/db/client.js';
import { openDatabase } from '../server/src/db/open.js';
import { testConfig } from '../server/src/config.js';
import { type Client, NoAnswer, type Reply, login } from './lib/client.js';
import { type Deltas, auditDeltas, deltaMismatches } from './lib/consistency.js';
import { Ledger } from './lib/ledger.js';
import { type Server, type Store, createDatabase, dropDatabase, postgresReachable, runLantu, startServer } from './lib/proc.js';
import { Drill, percentile, prng, runDrill } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    cycles: { type: 'string' },
    short: { type: 'boolean', default: false },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    results: { type: 'string' },
    'restart-limit-ms': { type: 'string', default: '5000' },
  },
});
const CYCLES = Number(args.cycles ?? (args.short ? 4 : 50));
const RESTART_LIMIT_MS = Number(args['restart-limit-ms']);
const SEED = Number(args.seed);
const rand = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const VALUE_PERIODS = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`);
const PROGRESS_PERIODS = Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, '0')}`);
/** Writes the clients may legitimately be refused: a month's progress above what remains of the project's total. */
const FINE_REFUSALS = [/exceeds_total/];

type Line = { id: string; kind: string; projectId: string | null; completedInvestment: number | null; note: string | null; filled: boolean; version: number };
type Report = { id: string; state: string; version: number; lines: Line[] };

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 'null' : String(Number(v)));
const lineState = (l: Line) => `${l.kind === 'project' ? `${num(l.completedInvestment)}|` : ''}${l.note ?? ''}@${l.version}`;

/** The people and objects the load works on, found once through the API. */
interface Scene {
  office: Client;
  office2: Client;
  reporter: Client;
  head: Client;
  indicators: string[];
  projects: string[];
  reportId: string;
}

interface Tally {
  unexpected: string[];
}

/** Reads back every key the ledger tracks, as the server holds it now. */
async function readState(s: Scene, ledger: Ledger, years: Set<number>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of s.indicators) {
    const vals = await s.office.get<{ items: { period: string; value: string; version: number }[] }>(`/api/v1/indicators/${id}/values`);
    const byPeriod = new Map(vals.items.map((v) => [v.period, v]));
    for (const p of VALUE_PERIODS) {
      const v = byPeriod.get(p);
      out.set(`value:${id}:${p}`, v ? `${num(v.value)}@${v.version}` : 'absent');
    }
  }
  for (const id of s.projects) {
    const prog = await s.reporter.get<{ items: { period: string; completedInvestment: number; version: number }[] }>(`/api/v1/projects/${id}/progress`);
    const byPeriod = new Map(prog.items.map((v) => [v.period, v]));
    for (const p of [...PROGRESS_PERIODS, '2021-02']) {
      const v = byPeriod.get(p);
      out.set(`progress:${id}:${p}`, v ? `${num(v.completedInvestment)}@${v.version}` : 'absent');
    }
  }
  const r = await s.reporter.get<Report>(`/api/v1/reports/${s.reportId}`);
  out.set(`report:${r.id}`, `${r.state}@${r.version}`);
  for (const l of r.lines) out.set(`line:${l.id}`, lineState(l));
  for (const y of years) {
    const cycles = await s.office.get<{ items: { period: string }[] }>(`/api/v1/report-cycles?year=${y}&pageSize=200`);
    const have = new Set(cycles.items.map((c) => c.period));
    for (const k of ledger.keys()) {
      if (k.startsWith(`cycle:${y}-`)) out.set(k, have.has(k.slice(6)) ? 'open' : 'absent');
    }
    for (const p of have) if (!out.has(`cycle:${p}`)) out.set(`cycle:${p}`, 'open');
  }
  return out;
}

/** One worker's loop until the server stops answering or `stop` is set. */
type Worker = (s: Scene, ledger: Ledger, tally: Tally, stop: () => boolean) => Promise<void>;

function judge(tally: Tally, what: string, r: Reply, fine: RegExp[] = []): boolean {
  if (r.status >= 200 && r.status < 300) return true;
  if (!fine.some((f) => f.test(r.text))) tally.unexpected.push(`${what}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  return false;
}

/** The office corrects monthly values of reported indicators (optimistic lock on the version it read). */
const valueWorker: Worker = async (s, ledger, tally, stop) => {
  while (!stop()) {
    const id = pick(s.indicators);
    const period = pick(VALUE_PERIODS);
    const key = `value:${id}:${period}`;
    const known = ledger.acked.get(key) ?? 'absent';
    const version = known === 'absent' ? undefined : Number(known.split('@')[1]);
    const value = (between(1, 99_999) / 100).toFixed(2);
    const r = await ledger.write(`PUT value ${key}`, { [key]: `${num(value)}@${version === undefined ? 0 : version + 1}` }, () =>
      s.office.request('PUT', `/api/v1/indicators/${id}/values/${period}`, { value, version }),
    );
    if (!r) return;
    if (judge(tally, `PUT ${key}`, r)) {
      const b = r.body as { value: string; version: number };
      ledger.ack({ [key]: `${num(b.value)}@${b.version}` });
    }
  }
};

/** The JFJ reporter records monthly progress of the projects JFJ leads. */
const progressWorker: Worker = async (s, ledger, tally, stop) => {
  while (!stop()) {
    const id = pick(s.projects);
    const period = pick(PROGRESS_PERIODS);
    const key = `progress:${id}:${period}`;
    const known = ledger.acked.get(key) ?? 'absent';
    const version = known === 'absent' ? undefined : Number(known.split('@')[1]);
    const completedInvestment = between(1, 9);
    const r = await ledger.write(`PUT progress ${key}`, { [key]: `${completedInvestment}@${version === undefined ? 0 : version + 1}` }, () =>
      s.reporter.request('PUT', `/api/v1/projects/${id}/progress/${period}`, { completedInvestment, version }),
    );
    if (!r) return;
    if (judge(tally, `PUT ${key}`, r, FINE_REFUSALS)) {
      const b = r.body as { completedInvestment: number; version: number };
      ledger.ack({ [key]: `${b.completedInvestment}@${b.version}` });
    }
  }
};

/** JFJ's February report goes round its life: lines filled, submitted, approved, accepted, reopened. */
const reportWorker: Worker = async (s, ledger, tally, stop) => {
  let report = await s.reporter.get<Report>(`/api/v1/reports/${s.reportId}`);
  const rk = `report:${report.id}`;
  // A step answers the report's summary (no lines); the steps change no line.
  const stepped = (r: Reply, extra: Record<string, string> = {}) => {
    report = { ...report, ...(r.body as Omit<Report, 'lines'>) };
    ledger.ack({ [rk]: `${report.state}@${report.version}`, ...Object.fromEntries(report.lines.map((l) => [`line:${l.id}`, lineState(l)])), ...extra });
  };
  while (!stop()) {
    const v = report.version;
    let r: Reply | null;
    let extra: Record<string, string> = {};
    if (['not_started', 'draft', 'returned'].includes(report.state)) {
      const empty = report.lines.filter((l) => !l.filled);
      if (empty.length === 0 && rand() < 0.25) {
        r = await ledger.write('submit', { [rk]: `submitted@${v + 1}` }, () => s.reporter.request('POST', `/api/v1/reports/${report.id}/submit`, { version: v }));
        if (!r) return;
        if (judge(tally, 'submit', r)) stepped(r);
        continue;
      }
      const line = empty[0] ?? pick(report.lines);
      const note = `drill ${between(1, 1_000_000)}`;
      const ci = between(1, 50);
      const body = line.kind === 'project' ? { completedInvestment: ci, note, version: line.version } : { note, version: line.version };
      const next = lineState({ ...line, completedInvestment: line.kind === 'project' ? ci : null, note, version: line.version + 1 });
      const pending = { [`line:${line.id}`]: next, ...(report.state === 'not_started' ? { [rk]: `draft@${v}` } : {}) };
      r = await ledger.write(`PUT line ${line.id}`, pending, () => s.reporter.request('PUT', `/api/v1/reports/${report.id}/lines/${line.id}`, body));
      if (!r) return;
      if (judge(tally, `PUT line ${line.id}`, r)) {
        const saved = r.body as Line;
        report.lines = report.lines.map((l) => (l.id === saved.id ? saved : l));
        if (report.state === 'not_started') report.state = 'draft';
        ledger.ack({ [`line:${saved.id}`]: lineState(saved), [rk]: `${report.state}@${report.version}` });
      } else report = await s.reporter.get<Report>(`/api/v1/reports/${s.reportId}`);
      continue;
    }
    if (report.state === 'submitted') {
      r = await ledger.write('approve', { [rk]: `unit_approved@${v + 1}` }, () => s.head.request('POST', `/api/v1/reports/${report.id}/approve`, { version: v }));
    } else if (report.state === 'unit_approved') {
      extra = Object.fromEntries(report.lines.filter((l) => l.kind === 'project').map((l) => [`progress:${l.projectId}:2021-02`, `${num(l.completedInvestment)}@*`]));
      r = await ledger.write('accept', { [rk]: `accepted@${v + 1}`, ...extra }, () => s.office.request('POST', `/api/v1/reports/${report.id}/accept`, { version: v }));
    } else {
      r = await ledger.write('reopen', { [rk]: `returned@${v + 1}` }, () => s.office.request('POST', `/api/v1/reports/${report.id}/reopen`, { version: v, reason: '演练：重新打开' }));
    }
    if (!r) return;
    if (judge(tally, `${report.state} → next`, r)) stepped(r, extra);
    else report = await s.reporter.get<Report>(`/api/v1/reports/${s.reportId}`);
  }
};

/** The office opens one month's reporting cycle after another (one big transaction each). */
const cycleWorker: Worker = async (s, ledger, tally, stop) => {
  const taken = [...ledger.acked].filter(([k, v]) => k.startsWith('cycle:') && v === 'open').map(([k]) => k.slice(6));
  let [y, m] = (taken.sort().at(-1) ?? '2021-02').split('-').map(Number) as [number, number];
  while (!stop()) {
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const period = `${y}-${String(m).padStart(2, '0')}`;
    const key = `cycle:${period}`;
    const r = await ledger.write(`open cycle ${period}`, { [key]: 'open' }, () => s.office2.request('POST', '/api/v1/report-cycles', { period }));
    if (!r) return;
    if (judge(tally, `open ${period}`, r)) ledger.ack({ [key]: 'open' });
    await sleep(between(100, 400));
  }
};

const WORKERS: Worker[] = [valueWorker, progressWorker, reportWorker, cycleWorker];

async function scene(base: string): Promise<Scene> {
  const [office, office2, reporter, head] = [await login(base, 'office'), await login(base, 'office'), await login(base, 'reporter'), await login(base, 'unit_head')];
  const inds = await office.get<{ items: { id: string; source: string; year: number }[] }>('/api/v1/indicators?pageSize=5000');
  const indicators = inds.items.filter((i) => i.source === 'reported' && i.year === 2021).map((i) => i.id);
  const reports = await reporter.get<{ items: { id: string; period: string; state: string }[] }>('/api/v1/reports?pageSize=50');
  const report = reports.items.find((r) => r.period === '2021-02');
  if (!report || indicators.length === 0) throw new Error('the demo zone lacks the February JFJ report or reported 2021 indicators');
  const detail = await reporter.get<Report>(`/api/v1/reports/${report.id}`);
  const projects = [...new Set(detail.lines.filter((l) => l.projectId).map((l) => l.projectId!))];
  return { office, office2, reporter, head, indicators, projects, reportId: report.id };
}

function rebase(s: Scene, base: string): void {
  for (const c of [s.office, s.office2, s.reporter, s.head]) c.rebase(base);
}

async function withDb<T>(store: Store, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = store.kind === 'pglite' ? await openDatabase(testConfig({ dataDir: store.dataDir })) : await openPostgres(store.url, 2);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function drillStore(drill: Drill, store: Store, label: string): Promise<void> {
  const first = await startServer(store, { env: { SCHEDULER_INTERVAL_MS: '1000' } });
  drill.figure(`${label} first boot (migrate + demo seed)`, first.startMs, 'ms');
  let server: Server = first;
  const s = await scene(server.base);
  const ledger = new Ledger();
  const years = new Set([2021]);
  // The baseline of the database check: PGlite has one owner, so stop the server for it.
  let baseline: Deltas;
  if (store.kind === 'pglite') {
    const stopped = await server.stop();
    if (stopped.code !== 0) throw new Error(`clean stop failed (${stopped.code}):\n${server.output()}`);
    baseline = await withDb(store, (d) => auditDeltas(d.db));
    server = await startServer(store, { env: { SCHEDULER_INTERVAL_MS: '1000' } });
    rebase(s, server.base);
  } else baseline = await withDb(store, (d) => auditDeltas(d.db));
  ledger.verify(await readState(s, ledger, years));

  const tally: Tally = { unexpected: [] };
  const restarts: number[] = [];
  /** The part of each restart spent in main() (open and recover the database, migrate, build the app), the rest being Node loading the code. */
  const mains: number[] = [];
  const lost: string[] = [];
  const half: string[] = [];
  const dbHalf: string[] = [];
  let applied = 0;
  let notApplied = 0;
  let checked = 0;
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    let stopping = false;
    // A worker's read cut by the kill is no finding; anything else that throws is.
    const running = WORKERS.map((w) => w(s, ledger, tally, () => stopping).catch((e: Error) => void (e instanceof NoAnswer || tally.unexpected.push(`worker: ${e.message}`))));
    await sleep(between(300, 2500));
    await server.kill();
    stopping = true;
    await Promise.all(running);
    for (const k of ledger.keys()) if (k.startsWith('cycle:')) years.add(Number(k.slice(6, 10)));
    server = await startServer(store, { env: { SCHEDULER_INTERVAL_MS: '1000' } });
    restarts.push(server.startMs);
    const inMain = /started in (\d+) ms/.exec(server.output());
    if (inMain) mains.push(Number(inMain[1]));
    rebase(s, server.base);
    const inFlight = ledger.unanswered.length;
    const v = ledger.verify(await readState(s, ledger, years));
    lost.push(...v.lost.map((l) => `cycle ${cycle}: ${l}`));
    half.push(...v.halfApplied.map((l) => `cycle ${cycle}: ${l}`));
    applied += v.applied;
    notApplied += v.notApplied;
    checked += v.checked;
    if (store.kind === 'postgres') dbHalf.push(...deltaMismatches(baseline, await withDb(store, (d) => auditDeltas(d.db))).map((m) => `cycle ${cycle}: ${m}`));
    drill.log(`${label} cycle ${cycle}/${CYCLES}: restart ${Math.round(server.startMs)} ms, ${ledger.acks} acknowledged so far, ${inFlight} unanswered at the kill (${v.applied} applied), ${v.lost.length} lost`);
  }
  const stopped = await server.stop();
  const final = await withDb(store, (d) => auditDeltas(d.db));
  dbHalf.push(...deltaMismatches(baseline, final));
  const verify = await runLantu(['audit', 'verify'], store);

  drill.figure(`${label} kill cycles`, CYCLES);
  drill.figure(`${label} acknowledged writes`, ledger.acks);
  drill.figure(`${label} keys compared after restarts`, checked);
  drill.figure(`${label} unanswered writes at kills (applied / not)`, `${applied} / ${notApplied}`);
  drill.figure(`${label} restart p50 / max`, `${Math.round(percentile(restarts, 50))} / ${Math.round(Math.max(...restarts))} ms`);
  drill.figure(`${label} of which in main() (database open and recovery, migrate, app) p50 / max`, `${Math.round(percentile(mains, 50))} / ${Math.round(Math.max(...mains))} ms`);
  drill.figure(`${label} rows checked against the audit trail`, final.size);
  drill.hold(`${label}: 0 acknowledged writes missing`, lost.length === 0, lost.length ? lost.slice(0, 5).join('; ') : `${ledger.acks} acknowledged, all there after ${CYCLES} kills`);
  drill.hold(`${label}: 0 half-applied operations (clients)`, half.length === 0, half.length ? half.slice(0, 5).join('; ') : `${applied + notApplied} unanswered writes, each all or nothing`);
  drill.hold(`${label}: 0 half-applied operations (rows vs audit events)`, dbHalf.length === 0, dbHalf.length ? `${dbHalf.length}: ${dbHalf.slice(0, 5).join('; ')}` : `${final.size} rows, versions and events agree`);
  drill.hold(`${label}: restart ≤ ${RESTART_LIMIT_MS / 1000} s`, Math.max(...restarts) <= RESTART_LIMIT_MS, `max ${Math.round(Math.max(...restarts))} ms over ${restarts.length} restarts`);
  drill.hold(`${label}: audit chain verifies`, verify.code === 0, (verify.stdout + verify.stderr).trim().split('\n').at(-1) ?? '');
  drill.hold(`${label}: no 5xx nor unexpected refusals`, tally.unexpected.length === 0, tally.unexpected.length ? tally.unexpected.slice(0, 5).join('; ') : `${ledger.sent} writes sent`);
  drill.hold(`${label}: clean stop after the drill`, stopped.code === 0, `exit ${stopped.code} in ${Math.round(stopped.ms)} ms`);
  for (const c of [s.office, s.office2, s.reporter, s.head]) c.close();
}

const drill = new Drill('crash', args.results);
const cleanups: (() => Promise<void>)[] = [];
await runDrill(
  drill,
  async () => {
    drill.figure('seed (replay with --seed)', SEED);
    if (args.db === 'both' || args.db === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-drill-crash-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      await drillStore(drill, { kind: 'pglite', dataDir }, 'PGlite');
    }
    if (args.db === 'both' || args.db === 'postgres') {
      if (!(await postgresReachable())) throw new Error('PostgreSQL does not answer (DRILL_DATABASE_URL / TEST_DATABASE_URL / postgres://postgres@127.0.0.1:5432/postgres)');
      const name = `drill_crash_${process.pid}`;
      const url = await createDatabase(name);
      cleanups.push(() => dropDatabase(name));
      await drillStore(drill, { kind: 'postgres', url }, 'PostgreSQL');
    }
  },
  async () => {
    for (const c of cleanups) await c();
  },
);
