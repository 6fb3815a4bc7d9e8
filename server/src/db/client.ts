import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { SERVER_DIR } from '../paths.js';

export type Schema = typeof schema;
/** The one database type services see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs the committed migrations; safe to call at every boot. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, when there is one (backup/restore and tests use it). */
  pglite?: PGlite;
}

export const MIGRATIONS_DIR = path.join(SERVER_DIR, 'drizzle');

/**
 * Lets the event loop turn before each round of PGlite's protocol. PGlite runs queries on this
 * thread, and hands its lock from one waiting query to the next in promise continuations: under
 * load, queued queries would run back to back without the loop ever reaching I/O or timers (seconds
 * of event-loop delay with 32 concurrent requests). Yielding inside the lock bounds the delay by one
 * query; the cost is one setImmediate per query.
 */
function yieldBetweenQueries(client: PGlite): void {
  const exclusive = client._runExclusiveQuery.bind(client);
  client._runExclusiveQuery = <T>(fn: () => Promise<T>) =>
    exclusive(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return fn();
    });
}

/**
 * PGlite's buffer cache lives in the process's own memory (PostgreSQL's default is 128 MB). The
 * files are read through the operating system's page cache anyway, so a smaller cache costs no
 * measurable speed and keeps ~100 MB of RSS off a zone-size server (bench: plan evaluation of a
 * 344 MB database, RSS 440 → 339 MB).
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** Opens PGlite in a directory (or in memory with `memory://`), or from a dumped data-dir tarball. */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const client = await PGlite.create(dataDir, { startParams: PGLITE_START, ...(loadDataDir ? { loadDataDir } : {}) });
  yieldBetweenQueries(client);
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}

/** Opens a PostgreSQL server through a node-postgres pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ended (restart, administrator termination, a database dropped
  // with force) has already left the pool when this fires; the next query opens a new one. Without
  // a listener the error event would end the process.
  pool.on('error', () => {});
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}

/** How many migrations this database has applied, and the tag of the newest. */
export async function schemaVersion(db: Db): Promise<{ count: number; tag: string }> {
  const journal = (await import('../../drizzle/meta/_journal.json', { with: { type: 'json' } })).default as {
    entries: { tag: string }[];
  };
  const rows = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from drizzle.__drizzle_migrations`);
  const count = Number(rows[0]?.n ?? 0);
  return { count, tag: journal.entries[count - 1]?.tag ?? 'none' };
}

/** Raw SQL returning rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
