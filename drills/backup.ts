/**
 * Backup/restore drill at zone size: the benchmark generator's dataset (bench/generate.ts) is
 * backed up and restored with the operator's commands (`lantu backup`, `lantu restore`), and the
 * restored database is compared with the source table by table; damaged backups must be refused
 * without writing anything.
 *
 *   npm run drill:backup                       # zone size (60 units, 3,000 indicators, 50,000 audit events …), PGlite and PostgreSQL
 *   npm run drill:backup -- --short            # the smoke-size dataset (CI)
 *   npm run drill:backup -- --size zone --db postgres
 *
 * Must hold: every table's row count and content hash equal after restore (the audit trail: the
 * source's rows equal, plus the one system.restore event); the restored audit chain verifies;
 * a backup with a flipped byte, a truncated one, one edited and re-compressed, and one without
 * its manifest are each refused, leaving the target empty; restoring over data is refused.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, openPostgres, queryRows } from '../server/src/db/client.js';
import { type TableSum, tableFingerprints } from '../server/src/db/backup.js';
import { openDatabase } from '../server/src/db/open.js';
import { testConfig } from '../server/src/config.js';
import { ROOT, type Store, createDatabase, dirMiB, dropDatabase, postgresReachable, runLantu, storeEnv } from './lib/proc.js';
import { Drill, runDrill } from './lib/report.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string' },
    db: { type: 'string', default: 'both' },
    short: { type: 'boolean', default: false },
    results: { type: 'string' },
  },
});
const SIZE = args.size ?? (args.short ? 'smoke' : 'zone');

async function withDb<T>(store: Store, fn: (d: Database) => Promise<T>): Promise<T> {
  const database = store.kind === 'pglite' ? await openDatabase(testConfig({ dataDir: store.dataDir })) : await openPostgres(store.url, 2);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Runs the benchmark generator into a store; returns the seconds it took. */
async function generate(store: Store, scratch: string): Promise<number> {
  const t0 = performance.now();
  const argv = ['--import', 'tsx', 'bench/generate.ts', '--size', SIZE, '--force', ...(store.kind === 'pglite' ? ['--data-dir', scratch] : [])];
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: storeEnv(store), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`bench/generate.ts --size ${SIZE} failed (${code}):\n${out.slice(-3000)}`);
  return (performance.now() - t0) / 1000;
}

/** Count and hash of the audit trail up to an id, the same way on both sides. */
async function auditUpTo(d: Database, maxId: string): Promise<string> {
  const [r] = await queryRows<{ n: number; h: string }>(d.db, sql`select count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from audit_event x where id <= ${maxId}::bigint`);
  return `${r!.n}:${r!.h}`;
}

/** Whether a store holds no Lantu tables at all (a refused restore must not even migrate it). */
async function untouched(store: Store): Promise<boolean> {
  if (store.kind === 'pglite') return !fs.existsSync(path.join(store.dataDir, 'pg', 'PG_VERSION'));
  return withDb(store, async (d) => {
    const [r] = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`);
    return r!.n === 0;
  });
}

/** The damaged copies of a good backup, each with what was done to it. */
function damagedCopies(file: string, dir: string): { name: string; file: string }[] {
  const bytes = fs.readFileSync(file);
  const flipped = Buffer.from(bytes);
  flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
  const text = zlib.gunzipSync(bytes).toString('utf8');
  const lines = text.trimEnd().split('\n');
  const row = lines.findIndex((l, i) => i > 0 && l.startsWith('{"t":"indicator"'));
  const edited = [...lines];
  edited[row > 0 ? row : 1] = edited[row > 0 ? row : 1]!.replace(/"name":"([^"]*)"/, '"name":"$1改"');
  const out = [
    { name: 'one bit flipped in the gzip stream', data: flipped },
    { name: 'truncated at 70 %', data: bytes.subarray(0, Math.floor(bytes.length * 0.7)) },
    { name: 'a row edited and re-compressed', data: zlib.gzipSync(edited.join('\n') + '\n') },
    { name: 'the manifest line removed', data: zlib.gzipSync(lines.slice(0, -1).join('\n') + '\n') },
  ];
  return out.map((o, i) => {
    const f = path.join(dir, `damaged-${i}.lantu.gz`);
    fs.writeFileSync(f, o.data);
    return { name: o.name, file: f };
  });
}

async function drillStore(drill: Drill, kind: 'pglite' | 'postgres', scratch: string, cleanups: (() => Promise<void>)[]): Promise<void> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const newStore = async (name: string): Promise<Store> => {
    if (kind === 'pglite') return { kind, dataDir: path.join(scratch, name) };
    const db = `drill_backup_${name}_${process.pid}`;
    const url = await createDatabase(db);
    cleanups.push(() => dropDatabase(db));
    return { kind, url };
  };
  const source: Store = kind === 'pglite' ? { kind, dataDir: path.join(scratch, SIZE, 'gen') } : await newStore('source');
  drill.figure(`${label} ${SIZE} dataset generated`, await generate(source, scratch), 's');
  if (source.kind === 'pglite') drill.figure(`${label} data directory`, dirMiB(source.dataDir), 'MiB');

  const file = path.join(scratch, `${kind}.lantu.gz`);
  const backup = await runLantu(['backup', file], source);
  if (backup.code !== 0) throw new Error(`lantu backup failed:\n${backup.stdout}${backup.stderr}`);
  drill.figure(`${label} lantu backup`, backup.ms / 1000, 's');
  drill.figure(`${label} backup file`, fs.statSync(file).size / 1024 / 1024, 'MiB');
  const before = await withDb(source, (d) => tableFingerprints(d.db));
  const maxId = await withDb(source, async (d) => (await queryRows<{ m: string }>(d.db, sql`select max(id)::text as m from audit_event`))[0]!.m);
  const sourceAudit = await withDb(source, (d) => auditUpTo(d, maxId));
  const rows = Object.values(before).reduce((n, t) => n + t.rows, 0);
  drill.figure(`${label} rows in ${Object.keys(before).length} tables`, rows);
  drill.figure(`${label} audit events`, before.audit_event?.rows ?? 0);

  // Damaged copies first: each refused, each target left as it was (not even migrated).
  const refusals: string[] = [];
  for (const [i, d] of damagedCopies(file, scratch).entries()) {
    const target = await newStore(`damaged${i}`);
    const r = await runLantu(['restore', d.file], target);
    const clean = await untouched(target);
    const message = (r.stderr + r.stdout).trim().split('\n')[0] ?? '';
    if (r.code === 0 || !clean) refusals.push(`${d.name}: exit ${r.code}, target ${clean ? 'empty' : 'WRITTEN'}: ${message}`);
    else drill.log(`refused (${d.name}): ${message.slice(0, 160)}`);
  }
  drill.hold(`${label}: damaged backups refused, nothing written`, refusals.length === 0, refusals.length ? refusals.join('; ') : '4 of 4 refused (flipped bit, truncated, edited row, no manifest), targets untouched');

  const target = await newStore('restored');
  const restore = await runLantu(['restore', file], target);
  if (restore.code !== 0) throw new Error(`lantu restore failed:\n${restore.stdout}${restore.stderr}`);
  drill.figure(`${label} lantu restore`, restore.ms / 1000, 's');
  const after = await withDb(target, (d) => tableFingerprints(d.db));
  const targetAudit = await withDb(target, (d) => auditUpTo(d, maxId));
  const diff = Object.entries(before)
    .filter(([t, sum]) => t !== 'audit_event' && !same(sum, after[t]))
    .map(([t, sum]) => `${t}: ${sum.rows} rows ${sum.sha256.slice(0, 8)} → ${after[t]?.rows ?? 0} rows ${after[t]?.sha256.slice(0, 8)}`);
  if (sourceAudit !== targetAudit) diff.push(`audit_event up to id ${maxId}: ${sourceAudit} → ${targetAudit}`);
  if ((after.audit_event?.rows ?? 0) !== (before.audit_event?.rows ?? 0) + 1) diff.push(`audit_event: ${before.audit_event?.rows} → ${after.audit_event?.rows} rows (expected one system.restore more)`);
  drill.hold(`${label}: every table's rows and content hash equal after restore`, diff.length === 0, diff.length ? diff.join('; ') : `${Object.keys(before).length} tables, ${rows} rows`);
  const verify = await runLantu(['audit', 'verify'], target);
  drill.figure(`${label} lantu audit verify`, verify.ms / 1000, 's');
  drill.hold(`${label}: restored audit chain verifies`, verify.code === 0, (verify.stdout + verify.stderr).trim().split('\n').at(-1) ?? '');
  const over = await runLantu(['restore', file], target);
  drill.hold(`${label}: restore over existing data refused`, over.code === 1 && /not empty/.test(over.stderr + over.stdout), (over.stderr + over.stdout).trim().split('\n')[0]?.slice(0, 200) ?? '');
}

const same = (a: TableSum | undefined, b: TableSum | undefined) => !!a && !!b && a.rows === b.rows && a.sha256 === b.sha256;

const drill = new Drill('backup', args.results);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-drill-backup-'));
const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(scratch, { recursive: true, force: true })];
await runDrill(
  drill,
  async () => {
    drill.figure('dataset size', SIZE);
    if (args.db === 'both' || args.db === 'pglite') await drillStore(drill, 'pglite', scratch, cleanups);
    if (args.db === 'both' || args.db === 'postgres') {
      if (!(await postgresReachable())) throw new Error('PostgreSQL does not answer');
      await drillStore(drill, 'postgres', scratch, cleanups);
    }
  },
  async () => {
    for (const c of cleanups.reverse()) await c();
  },
);
