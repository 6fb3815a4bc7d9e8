import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Config, testConfig } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { openDatabase } from '../../server/src/db/open.js';

/** Where a dataset lives: a PGlite data directory, or a PostgreSQL database named by a URL. */
export type Target = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const DEFAULT_DATA_DIR = path.join(BENCH_DIR, '.data');

/** What the generator wrote, read back by the runner to decide whether to generate again. */
export interface DatasetMeta {
  size: string;
  zones: number;
  seed: number;
  generatorVersion: number;
  schemaTag: string;
  kind: Target['kind'];
  rows: Record<string, number>;
  seconds: number;
  generatedAt: string;
}

/** The generated dataset of a size: under bench/.data/<size>/gen, or the database of DATABASE_URL. */
export function datasetTarget(size: string, dataDir: string, databaseUrl: string | undefined): Target {
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: path.join(dataDir, size, 'gen') };
}

/** The meta file of a dataset (for PostgreSQL: beside the PGlite datasets, named after host and database). */
export function metaPath(target: Target, dataDir: string): string {
  if (target.kind === 'pglite') return path.join(target.dataDir, 'bench-meta.json');
  const u = new URL(target.url);
  return path.join(dataDir, `pg-${u.hostname}-${u.port || 5432}-${u.pathname.slice(1)}.json`);
}

export function readMeta(target: Target, dataDir: string): DatasetMeta | null {
  try {
    return JSON.parse(fs.readFileSync(metaPath(target, dataDir), 'utf8')) as DatasetMeta;
  } catch {
    return null;
  }
}

export function writeMeta(target: Target, dataDir: string, meta: DatasetMeta): void {
  const file = metaPath(target, dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(meta, null, 2)}\n`);
}

/** The app's configuration for a target: quiet, no scheduler, the built web served. */
export function configFor(target: Target, overrides: Partial<Config> = {}): Config {
  return testConfig({
    logLevel: 'silent',
    schedulerIntervalMs: 0,
    ...(target.kind === 'pglite' ? { dataDir: target.dataDir, filesDir: path.join(target.dataDir, 'files') } : { databaseUrl: target.url, poolSize: 10 }),
    ...overrides,
  });
}

/** Opens the target with the server's own code (PGlite: taking the data-dir lock) and applies the migrations. */
export async function openTarget(target: Target): Promise<Database> {
  const database = await openDatabase(configFor(target));
  await database.migrate();
  return database;
}

/** A URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `work` with a client on the server's maintenance database (postgres). */
export async function withAdmin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const dbNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
