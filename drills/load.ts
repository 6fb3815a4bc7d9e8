/**
 * Load and soak drill on loopback: the real server (PGlite by default, a fresh data directory
 * seeded with the demo zone) under 32 users on keep-alive connections with a mixed read/write load:
 * indicator pages, values, series, project lists and details, reports, cycles, the signed-in user;
 * and writes of monthly values and project progress, each on a month no other request is writing
 * at that moment (optimistic lock). The users together offer 64 req/s (--rate); then autocannon
 * runs the same mix unthrottled for a few seconds to show the saturation point (figures only).
 *
 *   npm run drill:load                        # 60 s, 32 connections
 *   npm run drill:load -- --short             # 15 s (CI)
 *   npm run drill:soak                        # 20 minutes at a steady rate, RSS sampled every 5 s
 *   npm run drill:load -- --db postgres --duration 120 --connections 64
 *
 * Must hold (load): 0 errors (connection errors, timeouts, non-2xx answers) and p99 ≤ 300 ms.
 * Must hold (soak): 0 errors, and the server's RSS grows by ≤ 10 % after the warm-up (the median
 * of the last two minutes against the median of the two minutes after warm-up).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import http from 'node:http';
import autocannon from 'autocannon';
import { login } from './lib/client.js';
import { type Server, type Store, createDatabase, dropDatabase, postgresReachable, rssMiB, startServer } from './lib/proc.js';
import { Drill, percentile, runDrill } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    soak: { type: 'boolean', default: false },
    short: { type: 'boolean', default: false },
    db: { type: 'string', default: 'pglite' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    rate: { type: 'string' },
    'p99-ms': { type: 'string', default: '300' },
    'warmup-s': { type: 'string' },
    results: { type: 'string' },
  },
});
const SOAK = args.soak;
const DURATION = Number(args.duration ?? (SOAK ? 1200 : args.short ? 15 : 60));
const CONNECTIONS = Number(args.connections);
/** The soak runs at a steady rate a zone's office would never reach (req/s); the load test saturates unless told. */
const RATE = Number(args.rate ?? (SOAK ? 60 : 64));
const PROBE_S = args.short ? 5 : 15;
const P99_MS = Number(args['p99-ms']);
const WARMUP_S = Number(args['warmup-s'] ?? (SOAK ? 180 : 5));

interface Target {
  base: string;
  leader: { cookie: string };
  office: { cookie: string; csrf: string };
  reporter: { cookie: string; csrf: string };
  indicators: string[];
  projects: string[];
  reports: string[];
  planItemsOf: string[];
  /** Version of every stored value and progress month, by its PUT path, as read before the load. */
  versions: Map<string, number>;
}

type Request = { method: string; path: string; headers: Record<string, string>; body?: string };
/** A month's value or progress a write may correct; one request at a time on a slot, so the optimistic lock never races. */
interface Slot {
  path: string;
  version?: number;
  busy: boolean;
}
type Kind = { name: string; weight: number; make(): { req: Request; slot?: Slot } | null };
/** autocannon gives every request a fresh context (one request in the list): it carries the request's own facts to its answer. */
interface Ctx {
  kind?: string;
  slot?: Slot;
  t0?: number;
}

function mix(t: Target, run: number): Kind[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const read = (cookie: string, p: string) => ({ req: { method: 'GET', path: p, headers: { cookie } } });
  const month = (i: number) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  // Each run (warm-up, measured, probe) writes months of its own: a write abandoned at the end of a run leaves no stale version behind.
  const slot = (path: string): Slot => ({ path, version: t.versions.get(path), busy: false });
  const valueSlots = t.indicators.flatMap((id) => [0, 1, 2, 3].map((m) => slot(`/api/v1/indicators/${id}/values/${month(12 + ((run * 4 + m) % 24))}`)));
  const progressSlots = t.projects.flatMap((id) => [0, 1].map((m) => slot(`/api/v1/projects/${id}/progress/${month((run * 2 + m) % 26)}`)));
  const write = (s: { cookie: string; csrf: string }, slots: Slot[], body: (v: number | undefined) => unknown) => {
    const free = slots.filter((x) => !x.busy);
    if (free.length === 0) return null;
    const slot = pick(free);
    slot.busy = true;
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: t.base, 'content-type': 'application/json' };
    return { req: { method: 'PUT', path: slot.path, headers, body: JSON.stringify(body(slot.version)) }, slot };
  };
  return [
    { name: 'GET indicator', weight: 14, make: () => read(t.leader.cookie, `/api/v1/indicators/${pick(t.indicators)}`) },
    { name: 'GET indicator values', weight: 10, make: () => read(t.leader.cookie, `/api/v1/indicators/${pick(t.indicators)}/values`) },
    { name: 'GET indicator series', weight: 6, make: () => read(t.leader.cookie, `/api/v1/indicators/${pick(t.indicators)}/series`) },
    { name: 'GET projects page', weight: 8, make: () => read(t.leader.cookie, `/api/v1/projects?page=${1 + Math.floor(Math.random() * 3)}&pageSize=20`) },
    { name: 'GET project', weight: 10, make: () => read(t.leader.cookie, `/api/v1/projects/${pick(t.projects)}`) },
    { name: 'GET project progress', weight: 6, make: () => read(t.reporter.cookie, `/api/v1/projects/${pick(t.projects)}/progress`) },
    { name: 'GET report', weight: 8, make: () => read(t.office.cookie, `/api/v1/reports/${pick(t.reports)}`) },
    { name: 'GET reports', weight: 4, make: () => read(t.office.cookie, '/api/v1/reports?pageSize=20') },
    { name: 'GET cycles', weight: 4, make: () => read(t.office.cookie, '/api/v1/report-cycles') },
    { name: 'GET me', weight: 6, make: () => read(t.reporter.cookie, '/api/v1/auth/me') },
    { name: 'GET item indicators', weight: 4, make: () => read(t.leader.cookie, `/api/v1/items/${pick(t.planItemsOf)}/indicators`) },
    { name: 'PUT value', weight: 12, make: () => write(t.office, valueSlots, (version) => ({ value: (Math.random() * 1000).toFixed(2), version, note: '压力演练' })) },
    { name: 'PUT progress', weight: 8, make: () => write(t.reporter, progressSlots, (version) => ({ completedInvestment: 1 + Math.floor(Math.random() * 5), version })) },
  ];
}

async function target(server: Server): Promise<Target> {
  const [leader, office, reporter] = [await login(server.base, 'leader'), await login(server.base, 'office'), await login(server.base, 'reporter')];
  const inds = await office.get<{ items: { id: string; source: string; year: number; itemId: string }[] }>('/api/v1/indicators?pageSize=5000');
  const reported = inds.items.filter((i) => i.source === 'reported' && i.year === 2021);
  const reports = await office.get<{ items: { id: string }[] }>('/api/v1/reports?pageSize=100');
  const jfj = await reporter.get<{ items: { id: string; period: string }[] }>('/api/v1/reports?pageSize=10');
  const detail = await reporter.get<{ lines: { projectId: string | null }[] }>(`/api/v1/reports/${jfj.items.find((r) => r.period === '2021-02')!.id}`);
  const indicators = reported.map((i) => i.id);
  const projects = [...new Set(detail.lines.filter((l) => l.projectId).map((l) => l.projectId!))];
  const versions = new Map<string, number>();
  for (const id of indicators) {
    for (const v of (await office.get<{ items: { period: string; version: number }[] }>(`/api/v1/indicators/${id}/values`)).items) versions.set(`/api/v1/indicators/${id}/values/${v.period}`, v.version);
  }
  for (const id of projects) {
    for (const v of (await reporter.get<{ items: { period: string; version: number }[] }>(`/api/v1/projects/${id}/progress`)).items) versions.set(`/api/v1/projects/${id}/progress/${v.period}`, v.version);
  }
  return {
    base: server.base,
    versions,
    leader: { cookie: leader.cookie },
    office: { cookie: office.cookie, csrf: office.csrf },
    reporter: { cookie: reporter.cookie, csrf: reporter.csrf },
    indicators,
    projects,
    reports: reports.items.map((r) => r.id),
    planItemsOf: [...new Set(inds.items.map((i) => i.itemId))],
  };
}

interface Outcome {
  result: autocannon.Result;
  byKind: Map<string, number[]>;
  refusals: string[];
}

/** Runs the mix for `seconds` (at `rate` req/s overall, or as fast as it goes); latencies also per kind of request. */
async function cannon(t: Target, run: number, seconds: number, rate: number | undefined, onTick?: () => void): Promise<Outcome> {
  const kinds = mix(t, run);
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  const byKind = new Map<string, number[]>();
  const refusals: string[] = [];
  const choose = () => {
    for (;;) {
      let r = Math.random() * total;
      const k = kinds.find((x) => (r -= x.weight) < 0) ?? kinds[0]!;
      const made = k.make();
      if (made) return { kind: k.name, ...made };
    }
  };
  const tick = onTick ? setInterval(onTick, 5000) : undefined;
  const running = autocannon({
    url: t.base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (req, context) => {
          const ctx = context as Ctx;
          const c = choose();
          Object.assign(ctx, { kind: c.kind, slot: c.slot, t0: performance.now() });
          return { ...req, method: c.req.method as 'GET', path: c.req.path, headers: c.req.headers, body: c.req.body };
        },
        onResponse: (status, body, context) => {
          const ctx = context as Ctx;
          const kind = ctx.kind!;
          (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(performance.now() - ctx.t0!);
          if (status >= 300 && refusals.length < 10) refusals.push(`${kind}: ${status} ${body.slice(0, 200)}`);
          if (ctx.slot) {
            if (status === 200) ctx.slot.version = (JSON.parse(body) as { version: number }).version;
            ctx.slot.busy = false;
          }
        },
      },
    ],
  });
  let result: autocannon.Result;
  try {
    result = await running;
  } finally {
    clearInterval(tick);
  }
  return { result, byKind, refusals };
}

interface Paced {
  requests: number;
  seconds: number;
  latencies: number[];
  byKind: Map<string, number[]>;
  errors: number;
  non2xx: number;
  refusals: string[];
}

/**
 * `CONNECTIONS` users, each on its own keep-alive connection: a request, its answer, then a pause
 * drawn from an exponential distribution so that together they offer `rate` requests a second
 * (arrivals as independent people make them; autocannon's rate limit fires each second's quota
 * at once). Latency is measured from sending a request to the end of its answer.
 */
async function paced(t: Target, run: number, seconds: number, rate: number, onTick?: () => void): Promise<Paced> {
  const kinds = mix(t, run);
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  const out: Paced = { requests: 0, seconds, latencies: [], byKind: new Map(), errors: 0, non2xx: 0, refusals: [] };
  const url = new URL(t.base);
  const end = performance.now() + seconds * 1000;
  const meanPauseMs = (CONNECTIONS / rate) * 1000;
  const tick = onTick ? setInterval(onTick, 5000) : undefined;
  const user = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await sleep(Math.random() * meanPauseMs);
    while (performance.now() < end) {
      let made: ReturnType<Kind['make']> = null;
      let kind = '';
      while (!made) {
        let r = Math.random() * total;
        const k = kinds.find((x) => (r -= x.weight) < 0) ?? kinds[0]!;
        [made, kind] = [k.make(), k.name];
      }
      const { req, slot } = made;
      const t0 = performance.now();
      const answer = await new Promise<{ status: number; body: string } | null>((resolve) => {
        const headers = { ...req.headers, ...(req.body ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) };
        const r = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', () => resolve(null));
        });
        r.setTimeout(10_000, () => r.destroy());
        r.on('error', () => resolve(null));
        r.end(req.body);
      });
      const ms = performance.now() - t0;
      out.requests++;
      out.latencies.push(ms);
      (out.byKind.get(kind) ?? out.byKind.set(kind, []).get(kind)!).push(ms);
      if (!answer) out.errors++;
      else if (answer.status >= 300) {
        out.non2xx++;
        if (out.refusals.length < 10) out.refusals.push(`${kind}: ${answer.status} ${answer.body.slice(0, 200)}`);
      }
      if (slot) {
        if (answer?.status === 200) slot.version = (JSON.parse(answer.body) as { version: number }).version;
        slot.busy = false;
      }
      await sleep(-Math.log(1 - Math.random()) * meanPauseMs);
    }
    agent.destroy();
  };
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, user));
  } finally {
    clearInterval(tick);
  }
  return out;
}

async function drillStore(drill: Drill, store: Store, label: string): Promise<void> {
  const server = await startServer(store);
  try {
    const t = await target(server);
    drill.figure(`${label} server up (with demo seed)`, server.startMs, 'ms');
    const rss: { at: number; mib: number }[] = [];
    const sample = () => rss.push({ at: performance.now(), mib: rssMiB(server.child.pid!) });
    sample();
    const t0 = performance.now();
    // Warm-up: compile paths, fill caches; not measured.
    if (!SOAK) await paced(t, 0, WARMUP_S, RATE);
    const out = await paced(t, 1, DURATION, RATE, sample);
    sample();
    const p99 = percentile(out.latencies, 99);
    const writes = (out.byKind.get('PUT value')?.length ?? 0) + (out.byKind.get('PUT progress')?.length ?? 0);
    drill.figure(`${label} users × seconds`, `${CONNECTIONS} × ${DURATION}, offering ${RATE} req/s`);
    drill.figure(`${label} requests (writes)`, `${out.requests} (${writes})`);
    drill.figure(`${label} throughput`, out.requests / DURATION, 'req/s');
    drill.figure(`${label} latency p50 / p99 / max`, `${Math.round(percentile(out.latencies, 50))} / ${Math.round(p99)} / ${Math.round(Math.max(...out.latencies))} ms`);
    const slow = [...out.byKind].map(([k, v]) => [k, percentile(v, 99)] as const).sort((a, b) => b[1] - a[1]);
    drill.figure(`${label} p99 by request`, slow.map(([k, v]) => `${k} ${Math.round(v)}`).join(', '));
    drill.hold(`${label}: 0 errors`, out.errors + out.non2xx === 0, `${out.errors} without an answer, ${out.non2xx} non-2xx${out.refusals.length ? `: ${out.refusals.slice(0, 3).join('; ')}` : ''}`);
    if (!SOAK) drill.hold(`${label}: p99 ≤ ${P99_MS} ms`, p99 <= P99_MS, `p99 ${Math.round(p99)} ms over ${out.requests} requests at ${(out.requests / DURATION).toFixed(0)} req/s`);
    else {
      const minutes = (ms: number) => (ms - t0) / 60_000;
      const med = (from: number, to: number) => percentile(rss.filter((x) => minutes(x.at) >= from && minutes(x.at) < to).map((x) => x.mib), 50);
      const end = minutes(rss.at(-1)!.at);
      const base = med(WARMUP_S / 60, WARMUP_S / 60 + 2);
      const last = med(end - 2, end + 1);
      const growth = (last / base - 1) * 100;
      drill.figure(`${label} RSS start / after warm-up / end`, `${Math.round(rss[0]!.mib)} / ${Math.round(base)} / ${Math.round(last)} MiB`);
      const csv = path.join(os.tmpdir(), `lantu-soak-rss-${process.pid}.csv`);
      fs.writeFileSync(csv, rss.map((x) => `${minutes(x.at).toFixed(2)},${x.mib.toFixed(1)}`).join('\n'));
      drill.figure(`${label} RSS samples (every 5 s, minutes,MiB)`, `${rss.length} in ${csv}`);
      drill.hold(`${label}: RSS growth ≤ 10 % after warm-up`, growth <= 10, `${growth.toFixed(1)} % (${Math.round(base)} → ${Math.round(last)} MiB)`);
    }
    if (!SOAK) {
      // How far it goes: the same mix unthrottled for a few seconds (figures only).
      const probe = (await cannon(t, 2, PROBE_S, undefined)).result;
      drill.figure(`${label} saturated (${CONNECTIONS} connections, no rate limit, ${PROBE_S} s)`, `${probe.requests.average.toFixed(0)} req/s, p50 ${probe.latency.p50} ms, p99 ${probe.latency.p99} ms, ${probe.errors + probe.timeouts + probe.non2xx} errors`);
    }
    const stopped = await server.stop();
    drill.hold(`${label}: clean stop after the load`, stopped.code === 0, `exit ${stopped.code} in ${Math.round(stopped.ms)} ms`);
  } finally {
    await server.kill();
  }
}

const drill = new Drill(SOAK ? 'soak' : 'load', args.results);
const cleanups: (() => Promise<void>)[] = [];
await runDrill(
  drill,
  async () => {
    if (args.db === 'pglite' || args.db === 'both') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-drill-load-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      await drillStore(drill, { kind: 'pglite', dataDir }, 'PGlite');
    }
    if (args.db === 'postgres' || args.db === 'both') {
      if (!(await postgresReachable())) throw new Error('PostgreSQL does not answer');
      const name = `drill_load_${process.pid}`;
      const url = await createDatabase(name);
      cleanups.push(() => dropDatabase(name));
      await drillStore(drill, { kind: 'postgres', url }, 'PostgreSQL');
    }
    await sleep(0);
  },
  async () => {
    for (const c of cleanups) await c();
  },
);
