/**
 * Benchmark data generator: a deterministic dataset of the given size, written through batched
 * multi-row INSERTs (PGlite) or COPY (PostgreSQL) into a freshly migrated database — never
 * through the HTTP API. Prints row counts and the time taken.
 *
 *   npm run bench:generate -- --size zone [--data-dir bench/.data] [--force]
 *   DATABASE_URL=postgres://… npm run bench:generate -- --size province [--zones 10] [--force]
 *
 * PGlite: the dataset goes to <data-dir>/<size>/gen. PostgreSQL: into the database of
 * DATABASE_URL, which must not exist yet or hold no tables (--force drops and recreates it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { schemaVersion } from '../server/src/db/client.js';
import { hashPassword } from '../server/src/modules/auth/passwords.js';
import { GENESIS, generateAudit } from './lib/gen-audit.js';
import { generateOrg } from './lib/gen-org.js';
import { generatePlans } from './lib/gen-plans.js';
import { generateProjects } from './lib/gen-projects.js';
import { generateReporting } from './lib/gen-reporting.js';
import { Prng } from './lib/prng.js';
import { BENCH_PASSWORD, GENERATOR_VERSION, SEED, type Size, sizeOf } from './lib/sizes.js';
import { DEFAULT_DATA_DIR, type Target, datasetTarget, dbNameOf, metaPath, openTarget, quoteIdent, withAdmin, writeMeta } from './lib/target.js';
import { type BulkWriter, PgCopyWriter, PgliteWriter } from './lib/writer.js';

export interface GenerateOptions {
  size: Size;
  target: Target;
  dataDir: string;
  force: boolean;
  /** Overrides the size's zone count (a smaller province to try things). */
  zones?: number;
  log?: (line: string) => void;
}

/** Makes sure the target is empty: PGlite directory absent, PostgreSQL database absent or without tables. */
async function prepare(target: Target, force: boolean): Promise<void> {
  if (target.kind === 'pglite') {
    if (fs.existsSync(target.dataDir)) {
      if (!force) throw new Error(`${target.dataDir} exists; pass --force to replace it`);
      fs.rmSync(target.dataDir, { recursive: true, force: true });
    }
    return;
  }
  const name = dbNameOf(target.url);
  await withAdmin(target.url, async (admin) => {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (exists && force) await admin.query(`drop database ${quoteIdent(name)} with (force)`);
    if (!exists || force) {
      await admin.query(`create database ${quoteIdent(name)}`);
      return;
    }
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const tables = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    await client.end();
    if (tables.rows[0].n > 0) throw new Error(`Database ${name} already has tables; pass --force to drop and recreate it`);
  });
}

/** Generates the dataset; returns row counts by table. */
export async function generate(o: GenerateOptions): Promise<Record<string, number>> {
  const log = o.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  await prepare(o.target, o.force);
  const database = await openTarget(o.target);
  let copyClient: pg.Client | undefined;
  try {
    let w: BulkWriter;
    if (database.pglite) w = new PgliteWriter(database.pglite);
    else {
      copyClient = new pg.Client({ connectionString: (o.target as { url: string }).url });
      await copyClient.connect();
      await copyClient.query('set synchronous_commit = off');
      w = new PgCopyWriter(copyClient);
    }
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const ts = new Date('2021-12-01T00:00:00Z');
    const zones = o.zones ?? o.size.zones;
    let chain = GENESIS;
    for (let index = 0; index < zones; index++) {
      const zoneStarted = Date.now();
      const rng = new Prng(SEED + index * 7919);
      const ctx = await generateOrg(w, rng, o.size.zone, index, passwordHash, ts);
      const plans = await generatePlans(ctx);
      await generateProjects(ctx);
      await w.flush();
      const reporting = await generateReporting(ctx, database.db);
      const codes = Array.from({ length: Math.min(plans.indicators, 500) }, (_, i) => `I${String(i + 1).padStart(5, '0')}`);
      chain = await generateAudit(ctx, o.size.zone.auditEvents, { indicatorCodes: codes, reportIds: reporting.reportIds }, chain);
      await w.flush();
      if (zones > 1 || o.size.name !== 'smoke') log(`  zone ${index + 1}/${zones}: ${plans.items} items, ${plans.indicators} indicators, ${plans.values} values, ${reporting.reports} reports (${((Date.now() - zoneStarted) / 1000).toFixed(1)} s)`);
    }
    await database.db.execute(sql.raw(`select setval('audit_event_id_seq', ${chain.lastId > 0n ? chain.lastId : 1n}, ${chain.lastId > 0n})`));
    await database.db.execute(sql`analyze`);
    const rows = Object.fromEntries(w.counts);
    const seconds = (Date.now() - started) / 1000;
    writeMeta(o.target, o.dataDir, {
      size: o.size.name, zones, seed: SEED, generatorVersion: GENERATOR_VERSION, schemaTag: (await schemaVersion(database.db)).tag,
      kind: o.target.kind, rows, seconds, generatedAt: new Date().toISOString(),
    });
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    log(`Generated ${o.size.name} (${zones} zone${zones > 1 ? 's' : ''}) on ${o.target.kind} in ${seconds.toFixed(1)} s: ${total.toLocaleString('en-US')} rows`);
    for (const [table, n] of Object.entries(rows)) log(`  ${table.padEnd(22)} ${n.toLocaleString('en-US').padStart(12)}`);
    log(`  meta: ${metaPath(o.target, o.dataDir)}`);
    return rows;
  } finally {
    await copyClient?.end();
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: 'zone' }, 'data-dir': { type: 'string', default: DEFAULT_DATA_DIR }, force: { type: 'boolean', default: false }, zones: { type: 'string' } },
  });
  const size = sizeOf(values.size!);
  const databaseUrl = process.env.DATABASE_URL;
  if (size.postgresOnly && !databaseUrl) throw new Error(`Size ${size.name} needs PostgreSQL: set DATABASE_URL`);
  const dataDir = path.resolve(values['data-dir']!);
  await generate({ size, target: datasetTarget(size.name, dataDir, databaseUrl), dataDir, force: values.force!, ...(values.zones ? { zones: Number(values.zones) } : {}) });
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    if (err instanceof Error && err.stack && process.env.BENCH_DEBUG) console.error(err.stack);
    process.exit(1);
  });
}
