import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
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
const INSERT_BATCH = 500;

export interface BackupHeader {
  format: string;
  formatVersion: number;
  schemaVersion: { tag: string; count: number };
  createdAt: string;
  databaseKind: string;
}
export interface TableSum {
  rows: number;
  sha256: string;
}
export interface Manifest {
  tables: Record<string, TableSum>;
  /** SHA-256 of every line before the manifest, each with its newline. */
  sha256: string;
}
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
  while (order.length < parents.size) {
    const next = [...parents].find(([n, ps]) => !order.includes(n) && [...ps].every((p) => order.includes(p)));
    if (!next) throw new Error(`Foreign keys form a cycle among ${[...parents.keys()].filter((n) => !order.includes(n)).join(', ')}`);
    order.push(next[0]);
  }
  return order;
}

/** Self-references (unit.parent_id → unit.id): restore must insert parents first. */
function selfReferences(table: string): { column: string; parent: string }[] {
  const t = schemaTables().find((v) => getTableConfig(v).name === table);
  if (!t) return [];
  return getTableConfig(t)
    .foreignKeys.map((fk) => fk.reference())
    .filter((r) => getTableConfig(r.foreignTable).name === table && r.columns.length === 1)
    .map((r) => ({ column: r.columns[0]!.name, parent: r.foreignColumns[0]!.name }));
}

interface Column {
  name: string;
  type: string;
  pkPos: number | null;
}

/** The table's columns as the database has them (SQL names and types), primary key marked. */
async function columnsOf(db: DbOrTx, table: string): Promise<Column[]> {
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

const rowHashLine = (row: Row) => canonicalJson(row) + '\n';

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

/** The schema version when the database has been migrated, else null. */
export async function migratedVersion(db: DbOrTx): Promise<{ tag: string; count: number } | null> {
  const [r] = await queryRows<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  return r?.t ? schemaVersion(db as Db) : null;
}

/** A gzip JSON-lines writer that hashes what it writes; the file appears (by rename) only when complete. */
function lineWriter(file: string) {
  const partial = `${file}.partial-${process.pid}`;
  const out = fs.createWriteStream(partial, { fd: fs.openSync(partial, 'wx') });
  const gzip = zlib.createGzip();
  let failed: Error | undefined;
  out.on('error', (e) => (failed = e));
  gzip.pipe(out);
  const hash = createHash('sha256');
  return {
    async write(line: string) {
      if (failed) throw failed;
      hash.update(line + '\n');
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
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'system.backup', objectType: 'backup', objectId: path.basename(file), summary: { schemaVersion: version.tag } }));
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: version, createdAt: new Date().toISOString(), databaseKind: database.kind };
  const writer = lineWriter(file);
  try {
    await writer.write(JSON.stringify(header));
    const snapshot = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
    const tables = await db.transaction((tx) => tableFingerprints(tx, (t, r) => writer.write(JSON.stringify({ t, r }))), snapshot);
    const manifest: Manifest = { tables, sha256: writer.digest() };
    await writer.write(JSON.stringify({ manifest }));
    await writer.commit();
    return { header, manifest };
  } catch (err) {
    writer.abort();
    throw err;
  }
}

/** The lines of a gzip file as they are decompressed; gzip damage surfaces as a zlib error. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n')) {
        yield rest.slice(0, nl);
        rest = rest.slice(nl + 1);
      }
    }
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}

export interface VerifiedBackup {
  header: BackupHeader;
  manifest: Manifest;
}
const damaged = (file: string, why: string) => new BackupError(`The backup ${file} is damaged or incomplete (${why}); it cannot be restored.`);

function checkHeader(file: string, h: Partial<BackupHeader>): BackupHeader {
  if (h.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Lantu backup.`);
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupError(`${file} has backup format ${h.formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}.`);
  if (!h.schemaVersion || typeof h.createdAt !== 'string') throw damaged(file, 'incomplete header');
  return h as BackupHeader;
}

function checkManifest(file: string, manifest: Manifest | undefined, linesSha: string, sums: Map<string, { rows: number; hash: Hash }>): Manifest {
  if (!manifest?.tables || typeof manifest.sha256 !== 'string') throw damaged(file, 'no manifest at the end');
  if (manifest.sha256 !== linesSha) throw damaged(file, 'checksum of the content does not match the manifest');
  for (const t of sums.keys()) if (!(t in manifest.tables)) throw damaged(file, `table ${t} is not in the manifest`);
  for (const [t, want] of Object.entries(manifest.tables)) {
    const got = sums.get(t);
    if ((got?.rows ?? 0) !== want.rows) throw damaged(file, `table ${t} has ${got?.rows ?? 0} rows, the manifest says ${want.rows}`);
    if ((got?.hash ?? createHash('sha256')).digest('hex') !== want.sha256) throw damaged(file, `checksum of table ${t} does not match`);
  }
  return manifest;
}

/**
 * Reads a whole backup, handing each row to `onRow`, and checks the gzip stream, the header,
 * every table checksum and the manifest checksum. Rows are handed over before the final checks:
 * a caller writing them must do so in a transaction it rolls back when this throws.
 * @throws BackupError when the file is missing, not a backup, damaged or truncated
 */
export async function scanBackup(file: string, onRow: (table: string, row: Row) => Promise<void> = async () => {}): Promise<VerifiedBackup> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const all = createHash('sha256');
  const sums = new Map<string, { rows: number; hash: Hash }>();
  let header: BackupHeader | undefined;
  let manifest: Manifest | undefined;
  let n = 0;
  try {
    for await (const line of gzipLines(file)) {
      n++;
      if (manifest) throw damaged(file, `content after the manifest at line ${n}`);
      let parsed: { t?: unknown; r?: unknown; manifest?: Manifest } & Partial<BackupHeader>;
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        throw damaged(file, `line ${n} is not valid JSON`);
      }
      if (!header) header = checkHeader(file, parsed);
      else if (parsed.manifest) manifest = parsed.manifest;
      else if (typeof parsed.t === 'string' && parsed.r && typeof parsed.r === 'object') {
        const sum = sums.get(parsed.t) ?? { rows: 0, hash: createHash('sha256') };
        sums.set(parsed.t, sum);
        sum.rows++;
        sum.hash.update(rowHashLine(parsed.r as Row));
        await onRow(parsed.t, parsed.r as Row);
      } else throw damaged(file, `line ${n} is not a row`);
      if (!manifest) all.update(line + '\n');
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw damaged(file, `gzip: ${(err as Error).message}`);
    throw err;
  }
  if (!header) throw damaged(file, 'empty');
  return { header, manifest: checkManifest(file, manifest, all.digest('hex'), sums) };
}

/** Orders rows so that a row's parent in the same table comes before it (across insert batches). */
function parentsFirst(rows: Row[], refs: { column: string; parent: string }[]): Row[] {
  const present = refs.map((f) => new Set(rows.map((r) => r[f.parent])));
  const placed = refs.map(() => new Set<unknown>());
  const pending = new Set(rows);
  const out: Row[] = [];
  while (pending.size > 0) {
    const before = out.length;
    for (const r of pending) {
      if (!refs.every((f, i) => r[f.column] == null || !present[i]!.has(r[f.column]) || placed[i]!.has(r[f.column]))) continue;
      out.push(r);
      pending.delete(r);
      refs.forEach((f, i) => placed[i]!.add(r[f.parent]));
    }
    if (out.length === before) return [...out, ...pending]; // a cycle: the database will name it
  }
  return out;
}

/** Inserts rows table by table in batches; PostgreSQL converts each JSON field to its column type. */
function batchInserter(tx: DbOrTx, file: string) {
  let table = '';
  let cols: string[] = [];
  let refs: { column: string; parent: string }[] = [];
  let rows: Row[] = [];
  const flush = async () => {
    const list = sql.join(cols.map((c) => sql.identifier(c)), sql`, `);
    const ordered = refs.length > 0 ? parentsFirst(rows, refs) : rows;
    for (let i = 0; i < ordered.length; i += INSERT_BATCH) {
      const batch = JSON.stringify(ordered.slice(i, i + INSERT_BATCH));
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${list}) overriding system value
            select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, cast(${batch} as text)::jsonb)`,
      );
    }
    rows = [];
  };
  const add = async (t: string, row: Row) => {
    if (t !== table) {
      await flush();
      table = t;
      cols = (await columnsOf(tx, t)).map((c) => c.name);
      refs = selfReferences(t);
    }
    const keys = Object.keys(row);
    if (keys.length !== cols.length || !keys.every((k) => cols.includes(k))) {
      throw new BackupError(`The rows of ${t} in ${file} do not have this database's columns (${cols.join(', ')}).`);
    }
    rows.push(row);
    if (refs.length === 0 && rows.length >= INSERT_BATCH) await flush();
  };
  return { add, flush };
}

/** Refuses unless every table is empty; locks them so nothing writes in between. */
async function assertEmpty(tx: DbOrTx, tables: string[]): Promise<void> {
  await tx.execute(sql`lock table ${sql.join(tables.map((t) => sql.identifier(t)), sql`, `)} in exclusive mode`);
  for (const t of tables) {
    const [r] = await queryRows<{ x: boolean }>(tx, sql`select exists (select 1 from ${sql.identifier(t)}) as x`);
    if (r?.x) throw new BackupError(`The target database is not empty: table ${t} has rows. Restore into a freshly migrated, empty database (with PGlite: a new DATA_DIR).`);
  }
}

/** Moves every serial/identity sequence past the restored ids (audit_event.id). */
async function resetSequences(tx: DbOrTx, tables: string[]): Promise<void> {
  for (const t of tables) {
    const seqs = await queryRows<{ col: string; seq: string | null }>(
      tx,
      sql`select attname as col, pg_get_serial_sequence(quote_ident(${t}), attname) as seq from pg_attribute
          where attrelid = cast(${t} as text)::regclass and attnum > 0 and not attisdropped`,
    );
    for (const { col, seq } of seqs) {
      if (!seq) continue;
      const c = sql.identifier(col);
      await tx.execute(sql`select setval(cast(${seq} as text)::regclass, coalesce(max(${c}), 1), max(${c}) is not null) from ${sql.identifier(t)}`);
    }
  }
}

/**
 * Restores a backup into a migrated, empty database of the same schema version, all in one
 * transaction. The whole file is verified before anything is written. Records no audit event
 * (the caller does), so a drill can compare contents exactly.
 * @throws BackupError when the file is damaged, the schema versions differ or the target has rows
 */
export async function restoreBackup(db: Db, file: string): Promise<VerifiedBackup> {
  const verified = await scanBackup(file);
  const have = await migratedVersion(db);
  const want = verified.header.schemaVersion;
  if (!have) throw new BackupError('The target database has no Lantu schema; migrate it first.');
  if (have.count !== want.count || have.tag !== want.tag) {
    throw new BackupError(`The backup has schema ${want.tag} (${want.count} migrations) but this database has ${have.tag} (${have.count}). Restore with the Lantu version that wrote it, then upgrade.`);
  }
  const tables = backupTables();
  const listed = Object.keys(verified.manifest.tables);
  if (listed.length !== tables.length || !listed.every((t) => tables.includes(t))) {
    throw new BackupError(`The backup holds tables ${listed.join(', ')}; this version expects ${tables.join(', ')}.`);
  }
  await db.transaction(async (tx) => {
    await assertEmpty(tx, tables);
    const inserter = batchInserter(tx, file);
    const again = await scanBackup(file, inserter.add);
    if (again.manifest.sha256 !== verified.manifest.sha256) throw new BackupError(`${file} changed while it was being restored.`);
    await inserter.flush();
    await resetSequences(tx, tables);
  });
  return verified;
}
