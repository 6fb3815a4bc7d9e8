/**
 * `npm run bench` — generates the dataset when it is missing or stale, builds the web into
 * bench/.data/dist/web, copies the dataset to a working database, starts the real app in this
 * process on 127.0.0.1 and runs every benchmark; writes bench/results/<machine>-<db>.json and .md
 * (other sizes: <machine>-<db>-<size>.*).
 *
 *   npm run bench [-- --size smoke|zone|province] [--only plan-overview,web] [--skip-web]
 *                 [--no-build] [--regenerate] [--machine NAME] [--data-dir DIR] [--results DIR] [--zones N]
 *                 [--summary FILE] ({passed, failed, tests} per benchmark, for CI) [--samples N]
 *   DATABASE_URL=postgres://… npm run bench      (PostgreSQL; the dataset goes into that database)
 *
 * Exits non-zero only when a benchmark crashed or the app answered wrong; missed targets are reported.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.js';
import { systemClock } from '../server/src/platform/clock.js';
import { schemaVersion } from '../server/src/db/client.js';
import { reportSubmission } from './benches/submission.js';
import { xlsxImport } from './benches/import.js';
import { indicatorDetail, planOverview } from './benches/overview.js';
import { readThroughput } from './benches/throughput.js';
import { webLoad } from './benches/web.js';
import { type BenchCtx, findZones, sessionCache } from './lib/context.js';
import { type RawQuery, pgliteQuery, postgresQuery } from './lib/floor.js';
import { QueryLog } from './lib/querylog.js';
import { type BenchResult, type RunReport, machineFacts, machineName, writeReport } from './lib/report.js';
import { GENERATOR_VERSION, type Size, sizeOf } from './lib/sizes.js';
import { BENCH_DIR, DEFAULT_DATA_DIR, REPO_ROOT, type Target, configFor, datasetTarget, dbNameOf, openTarget, quoteIdent, readMeta, withAdmin, withDatabase } from './lib/target.js';

const BENCHES = [
  ['plan-overview', planOverview],
  ['indicator-detail', indicatorDetail],
  ['read-throughput', readThroughput],
  ['report-submission', reportSubmission],
  ['xlsx-import', xlsxImport],
  ['web', webLoad],
] as const;

const log = (line: string) => console.log(line);

/**
 * The process's memory after the run, the app and its database still open: after a full garbage
 * collection (the harness's own leftovers, such as generated workbooks and load results, are
 * garbage by then), with what it is made of.
 */
function memoryAfterRun(): BenchResult {
  globalThis.gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  return {
    name: 'memory',
    title: 'Server memory',
    ok: true,
    seconds: 0,
    latencies: {},
    notes: [
      `RSS of the bench process (the app, its embedded database, the harness) after the run${globalThis.gc ? ', after a full garbage collection' : ''}: JS heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, outside it ${mb(m.external)} MB (an embedded database's WebAssembly memory is counted there; array buffers ${mb(m.arrayBuffers)} MB)`,
    ],
    figures: [{ key: 'rss_after_mb', label: 'process RSS after the run', value: mb(m.rss), unit: 'MB', target: { op: '<=', limit: 600 } }],
  };
}

function spawnOrFail(cmd: string, args: string[], what: string): void {
  const res = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
}

/** Generates the dataset in a child process unless a current one is there. */
async function ensureDataset(size: Size, dataset: Target, dataDir: string, regenerate: boolean, zones: number): Promise<void> {
  const meta = readMeta(dataset, dataDir);
  const journal = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'server/drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const tag = journal.entries.at(-1)?.tag;
  const current = meta && meta.size === size.name && meta.generatorVersion === GENERATOR_VERSION && meta.schemaTag === tag && meta.zones === zones;
  if (current && !regenerate) {
    log(`Dataset ${size.name}: generated ${meta.generatedAt} (${dataset.kind}), reused`);
    return;
  }
  log(`Dataset ${size.name}: ${meta ? 'stale' : 'missing'}, generating…`);
  spawnOrFail(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'generate.ts'), '--size', size.name, '--data-dir', dataDir, '--zones', String(zones), '--force'], 'the generator');
}

/** A throw-away copy of the dataset for this run (the benchmarks write to it). */
async function workingCopy(dataset: Target, dataDir: string, size: Size): Promise<{ target: Target; drop: () => Promise<void> }> {
  if (dataset.kind === 'pglite') {
    const runDir = path.join(dataDir, size.name, 'run');
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.cpSync(dataset.dataDir, runDir, { recursive: true });
    fs.rmSync(path.join(runDir, 'lantu.lock'), { force: true });
    return { target: { kind: 'pglite', dataDir: runDir }, drop: async () => fs.rmSync(runDir, { recursive: true, force: true }) };
  }
  const source = dbNameOf(dataset.url);
  const copy = `${source}_run`;
  await withAdmin(dataset.url, async (admin) => {
    await admin.query(`drop database if exists ${quoteIdent(copy)} with (force)`);
    await admin.query(`create database ${quoteIdent(copy)} template ${quoteIdent(source)}`);
  });
  return { target: { kind: 'postgres', url: withDatabase(dataset.url, copy) }, drop: () => withAdmin(dataset.url, async (a) => void (await a.query(`drop database if exists ${quoteIdent(copy)} with (force)`))) };
}

async function main(): Promise<number> {
  const started = Date.now();
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'zone' },
      only: { type: 'string' },
      'skip-web': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      regenerate: { type: 'boolean', default: false },
      machine: { type: 'string' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      results: { type: 'string', default: path.join(BENCH_DIR, 'results') },
      keep: { type: 'boolean', default: false },
      zones: { type: 'string' },
      summary: { type: 'string' },
      samples: { type: 'string' },
    },
  });
  const named = sizeOf(values.size!);
  // --samples N: fewer (or more) latency samples than the size's own, to try things quickly.
  const size: Size = values.samples ? { ...named, samples: { ...named.samples, overview: Number(values.samples), indicator: Number(values.samples) } } : named;
  const databaseUrl = process.env.DATABASE_URL;
  if (size.postgresOnly && !databaseUrl) throw new Error(`Size ${size.name} needs PostgreSQL: set DATABASE_URL`);
  const only = values.only ? new Set(values.only.split(',')) : null;
  const selected = BENCHES.filter(([name]) => (!only || only.has(name)) && !(values['skip-web'] && name === 'web'));
  const dataDir = path.resolve(values['data-dir']!);
  const dataset = datasetTarget(size.name, dataDir, databaseUrl);

  const zoneCount = values.zones ? Number(values.zones) : size.zones;
  await ensureDataset(size, dataset, dataDir, values.regenerate!, zoneCount);
  // The bench builds the web into its own directory: web/dist may be rebuilt under it by other work meanwhile.
  const ownBuild = selected.some(([n]) => n === 'web') && !values['no-build'];
  const webDist = ownBuild ? path.join(dataDir, 'dist', 'web') : path.join(REPO_ROOT, 'web', 'dist');
  if (ownBuild) spawnOrFail('npm', ['run', 'build', '-w', 'web', '--', '--outDir', webDist, '--emptyOutDir'], 'the web build');
  const { target, drop } = await workingCopy(dataset, dataDir, size);
  const database = await openTarget(target);
  const queryLog = process.env.BENCH_QUERY_LOG ? new QueryLog() : null;
  if (queryLog) {
    if (database.pglite) queryLog.attachPglite(database.pglite);
    else queryLog.attachPostgres();
  }
  let floorClose = async () => {};
  let query: RawQuery;
  if (database.pglite) query = pgliteQuery(database.pglite);
  else {
    const pgq = postgresQuery((target as { url: string }).url);
    query = pgq.query;
    floorClose = pgq.close;
  }
  const app = await buildApp({ database, config: configFor(target, { webDist }), clock: systemClock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const results: BenchResult[] = [];
  let dbVersion: string;
  try {
    dbVersion = String((await query('select version() as v', []))[0]!.v).split(' ').slice(0, 2).join(' ');
    const zones = await findZones(query);
    if (zones.length === 0) throw new Error('no generated zones in the database');
    const ctx: BenchCtx = { size, kind: target.kind, database, app, base, query, zones, log, session: sessionCache(base, query) };
    log(`Lantu bench: ${size.name} on ${target.kind} (${dbVersion}), ${zones.length} zone(s), schema ${(await schemaVersion(database.db)).tag}, app at ${base}`);
    for (const [, bench] of selected) {
      queryLog?.take();
      results.push(await bench(ctx));
      if (queryLog) for (const line of queryLog.take(12)) log(`  | ${line}`);
    }
    results.push(memoryAfterRun());
  } finally {
    await app.close();
    await floorClose();
    await database.close();
    if (!values.keep) await drop();
  }
  const meta = readMeta(dataset, dataDir);
  const machine = machineName(values.machine ?? process.env.BENCH_MACHINE);
  const report: RunReport = {
    size: size.name,
    zones: zoneCount,
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    machine: machineFacts(machine, target.kind, dbVersion),
    dataset: meta ? { generatedSeconds: meta.seconds, rows: meta.rows } : null,
    results,
  };
  // A partial run (--only, --skip-web) never replaces the full results of its size.
  const partial = only || values['skip-web'] ? '-partial' : '';
  const name = `${machine}-${target.kind}${size.name === 'zone' ? '' : `-${size.name}`}${partial}`;
  const [json, md] = writeReport(path.resolve(values.results!), name, report);
  log(`\nResults: ${path.relative(REPO_ROOT, json)}, ${path.relative(REPO_ROOT, md)} (${report.seconds.toFixed(0)} s)`);
  const failed = results.filter((r) => !r.ok);
  // For CI's counter: one test per benchmark, failed when it crashed or answered wrong.
  if (values.summary) {
    const tests = results.map((r) => ({ name: r.name, ok: r.ok, ...(r.error ? { error: r.error } : {}) }));
    fs.writeFileSync(path.resolve(values.summary), `${JSON.stringify({ passed: tests.length - failed.length, failed: failed.length, tests }, null, 2)}\n`);
  }
  for (const f of failed) log(`FAILED ${f.title}: ${f.error}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (process.env.BENCH_DEBUG ? err.stack : err.message) : err);
    process.exit(2);
  },
);
