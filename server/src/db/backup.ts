import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { is, sql, type SQL } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { type Database, type Db, type DbOrTx, queryRows, schemaVersion } from './client.js';
import * as schema from './schema.js';
import { canonicalJson } from '../platform/canonical.js';
import { type Actor, recordAudit } from '../platform/audit.js';

/** Rows that only matter while the server runs (sessions, rate-limit counters): never backed up. */
export const EPHEMERAL_TABLES: readonly string[] = ['user_session', 'login_attempt'];
export const BACKUP_FORMAT = 'lantu-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 1000;

export interface BackupHeader {
  format: string;
  formatVersion: number;
  schemaVersion: { tag: string; count: number };
  createdAt: string;
  databaseKind: string;
}
export type TableSum = { rows: number; sha256: string };
/** Per-table sums, and the SHA-256 of every line before the manifest (each with its newline). */
export type Manifest = { tables: Record<string, TableSum>; sha256: string };
type Row = Record<string, unknown>;

/** A backup that cannot be written or restored; the message says why, for an operator. */
export class BackupError extends Error {}

const schemaTables = () => Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));

/**
 * Every table of schema.ts but the ephemeral ones, parents before children (foreign keys).
 * @throws Error when a kept table references an ephemeral one, or the references form a cycle
 */
export function backupTables(): string[] {
  const parents = new Map<string, Set<string>>();
  for (const t of schemaTables()) {
    const cfg = getTableConfig(t);
    if (EPHEMERAL_TABLES.includes(cfg.name)) continue;
    const refs = cfg.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== cfg.name);
    const ephemeral = refs.find((n) => EPHEMERAL_TABLES.includes(n));
    if (ephemeral) throw new Error(`Table ${cfg.name} references ephemeral table ${ephemeral}, which backups skip`);
    parents.set(cfg.name, new Set(refs));
  }
  const order: string[] = [];
  const byName = [...parents].sort(([a], [b]) => (a < b ? -1 : 1)); // the same order whatever the module loader
  while (order.length < parents.size) {
    const next = byName.find(([n, ps]) => !order.includes(n) && [...ps].every((p) => order.includes(p)));
    if (!next) throw new Error(`Foreign keys form a cycle among ${[...parents.keys()].filter((n) => !order.includes(n)).join(', ')}`);
    order.push(next[0]);
  }
  return order;
}

/** Self-references (unit.parent_id → unit.id): restore must insert parents first. */
export function selfReferences(table: string): { column: string; parent: string }[] {
  const t = schemaTables().find((v) => getTableConfig(v).name === table);
  if (!t) return [];
  return getTableConfig(t)
    .foreignKeys.map((fk) => fk.reference())
    .filter((r) => getTableConfig(r.foreignTable).name === table && r.columns.length === 1)
    .map((r) => ({ column: r.columns[0]!.name, parent: r.foreignColumns[0]!.name }));
}

type Column = { name: string; type: string; pkPos: number | null };

/** The table's columns as the database has them (SQL names and types), primary key marked. */
export async function columnsOf(db: DbOrTx, table: string): Promise<Column[]> {
  const rows = await queryRows<{ name: string; type: string; pk_pos: number | null }>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, array_position(i.indkey::int2[], a.attnum) as pk_pos
        from pg_attribute a left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
        where a.attrelid = cast(${table} as text)::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum`,
  );
  return rows.map((r) => ({ name: r.name, type: r.type, pkPos: r.pk_pos === null ? null : Number(r.pk_pos) }));
}

const isText = (type: string) => type === 'text' || type.startsWith('character');

/** The row as JSON text: bigint and numeric as strings, timestamps as ISO 8601 in UTC with microseconds. */
function rowJson(cols: Column[]): SQL {
  const overrides = cols.flatMap((c) => {
    const col = sql`t.${sql.identifier(c.name)}`;
    if (c.type === 'bigint' || c.type.startsWith('numeric')) return [sql`${c.name}::text, (${col})::text`];
    if (c.type === 'timestamp with time zone') return [sql`${c.name}::text, to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`];
    if (c.type === 'timestamp without time zone') return [sql`${c.name}::text, to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`];
    return [];
  });
  const chunks: SQL[] = [];
  for (let i = 0; i < overrides.length; i += 40) chunks.push(sql`jsonb_build_object(${sql.join(overrides.slice(i, i + 40), sql`, `)})`);
  return sql`(${sql.join([sql`to_jsonb(t)`, ...chunks], sql` || `)})::text`;
}

/**
 * Every row of a table in primary-key order (text keys in byte order, so both drivers and any
 * collation agree), read a page at a time by key so large tables never sit in memory.
 * @throws BackupError when the table has no primary key
 */
async function* tableRows(db: DbOrTx, table: string): AsyncGenerator<Row> {
  const cols = await columnsOf(db, table);
  const keys = cols.filter((c) => c.pkPos !== null).sort((a, b) => a.pkPos! - b.pkPos!);
  if (keys.length === 0) throw new BackupError(`Table ${table} has no primary key; it cannot be backed up in a stable order`);
  const keyExpr = sql.join(keys.map((k) => (isText(k.type) ? sql`(t.${sql.identifier(k.name)} collate "C")` : sql`t.${sql.identifier(k.name)}`)), sql`, `);
  const keyText = sql`jsonb_build_array(${sql.join(keys.map((k) => sql`(t.${sql.identifier(k.name)})::text`), sql`, `)})::text`;
  let after: string[] | null = null;
  for (;;) {
    const bound: string[] | null = after;
    const where = bound
      ? sql`where (${keyExpr}) > (${sql.join(keys.map((k, i) => sql`cast(${bound[i]} as text)::${sql.raw(k.type)}${isText(k.type) ? sql` collate "C"` : sql``}`), sql`, `)})`
      : sql``;
    const page = await queryRows<{ j: string; k: string }>(db, sql`select ${rowJson(cols)} as j, ${keyText} as k from ${sql.identifier(table)} t ${where} order by ${keyExpr} limit ${PAGE}`);
    for (const r of page) yield JSON.parse(r.j) as Row;
    if (page.length < PAGE) return;
    after = JSON.parse(page[page.length - 1]!.k) as string[];
  }
}

export const rowHashLine = (row: Row) => canonicalJson(row) + '\n';

/**
 * Row count and SHA-256 of the canonical rows in key order, per backed-up table: equal
 * fingerprints mean equal contents (the restore drill compares them).
 * @throws BackupError when a table has no primary key
 */
export async function tableFingerprints(db: DbOrTx, each: (table: string, row: Row) => Promise<void> = async () => {}): Promise<Record<string, TableSum>> {
  const out: Record<string, TableSum> = {};
  for (const table of backupTables()) {
    const hash = createHash('sha256');
    let rows = 0;
    for await (const row of tableRows(db, table)) {
      hash.update(rowHashLine(row));
      rows++;
      await each(table, row);
    }
    out[table] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}

/**
 * The schema version when the database has been migrated, else null.
 * @throws the driver's error when the database cannot be queried
 */
export async function migratedVersion(db: DbOrTx): Promise<{ tag: string; count: number } | null> {
  const [r] = await queryRows<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  return r?.t ? schemaVersion(db as Db) : null;
}

/** A gzip JSON-lines writer that hashes what it writes; the file appears (by rename) only when complete. */
function lineWriter(file: string) {
  const partial = `${file}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = fs.openSync(partial, 'wx');
  } catch (err) {
    throw new BackupError(`Cannot write ${file}: ${(err as Error).message}`);
  }
  const out = fs.createWriteStream(partial, { fd });
  const gzip = zlib.createGzip();
  let failed: Error | undefined;
  out.on('error', (e) => (failed = e));
  gzip.pipe(out);
  const hash = createHash('sha256');
  return {
    async write(line: string, hashed = true) {
      if (failed) throw failed;
      if (hashed) hash.update(line + '\n');
      if (!gzip.write(line + '\n')) await once(gzip, 'drain');
    },
    digest: () => hash.digest('hex'),
    async commit() {
      gzip.end();
      await finished(out);
      if (failed) throw failed;
      fs.renameSync(partial, file);
    },
    abort() {
      gzip.destroy();
      out.destroy();
      fs.rmSync(partial, { force: true });
    },
  };
}

/**
 * Writes a consistent backup (one read-only snapshot) of every non-ephemeral table to `file`,
 * after recording a `system.backup` audit event so the backup holds its own record.
 * @throws BackupError when the database is not migrated or the file exists; I/O errors as they come
 */
export async function writeBackup(database: Database, file: string, actor: Actor): Promise<{ header: BackupHeader; manifest: Manifest }> {
  const { db } = database;
  const version = await migratedVersion(db);
  if (!version) throw new BackupError('The database has no Lantu schema yet; there is nothing to back up.');
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name.`);
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: version, createdAt: new Date().toISOString(), databaseKind: database.kind };
  const writer = lineWriter(file);
  try {
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'system.backup', objectType: 'backup', objectId: path.basename(file), summary: { schemaVersion: version.tag } }));
    await writer.write(JSON.stringify(header));
    const snapshot = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
    const tables = await db.transaction((tx) => tableFingerprints(tx, (t, r) => writer.write(JSON.stringify({ t, r }))), snapshot);
    const manifest: Manifest = { tables, sha256: writer.digest() };
    await writer.write(JSON.stringify({ manifest }), false);
    await writer.commit();
    return { header, manifest };
  } catch (err) {
    writer.abort();
    throw err;
  }
}

/** The lines of a gzip file as they are decompressed; gzip damage surfaces as a zlib error. */
