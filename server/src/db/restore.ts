import fs from 'node:fs';
import zlib from 'node:zlib';
import { createHash, type Hash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from './client.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type Manifest,
  backupTables,
  migratedVersion,
  columnsOf,
  rowHashLine,
  selfReferences,
} from './backup.js';

/** Reading, verifying and restoring a backup written by backup.ts. */
type Row = Record<string, unknown>;
const INSERT_BATCH = 500;
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

export type VerifiedBackup = { header: BackupHeader; manifest: Manifest };
const damaged = (file: string, why: string) => new BackupError(`The backup ${file} is damaged or incomplete (${why}); it cannot be restored.`);

function checkHeader(file: string, h: Partial<BackupHeader>): BackupHeader {
  if (h.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Lantu backup.`);
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupError(`${file} has backup format ${h.formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}.`);
  if (!h.schemaVersion || typeof h.createdAt !== 'string') throw damaged(file, 'incomplete header');
  return h as BackupHeader;
}

function checkManifest(file: string, manifest: Manifest | undefined, linesSha: string, sums: Map<string, { rows: number; hash: Hash }>): Manifest {
  if (!manifest?.tables || typeof manifest.sha256 !== 'string') throw damaged(file, 'no manifest at the end');
  for (const t of sums.keys()) if (!(t in manifest.tables)) throw damaged(file, `table ${t} is not in the manifest`);
  for (const [t, want] of Object.entries(manifest.tables)) {
    const got = sums.get(t);
    if ((got?.rows ?? 0) !== want.rows) throw damaged(file, `table ${t} has ${got?.rows ?? 0} rows, the manifest says ${want.rows}`);
    if ((got?.hash ?? createHash('sha256')).digest('hex') !== want.sha256) throw damaged(file, `checksum of table ${t} does not match`);
  }
  if (manifest.sha256 !== linesSha) throw damaged(file, 'checksum of the content does not match the manifest');
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
        if (!parsed || typeof parsed !== 'object') throw new Error();
      } catch {
        throw damaged(file, `line ${n} is not a JSON object`);
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

/** Orders rows so that a row's parent in the same table comes before it (Kahn's algorithm over rows). */
function parentsFirst(rows: Row[], refs: { column: string; parent: string }[]): Row[] {
  const byKey = refs.map((f) => new Map(rows.map((r) => [r[f.parent], r])));
  const waiting = new Map<Row, number>();
  const children = new Map<Row, Row[]>();
  for (const r of rows) {
    const parents = refs.map((f, i) => (r[f.column] == null ? undefined : byKey[i]!.get(r[f.column]))).filter((p) => p && p !== r) as Row[];
    for (const p of parents) (children.get(p) ?? children.set(p, []).get(p)!).push(r);
    waiting.set(r, parents.length);
  }
  const out = rows.filter((r) => waiting.get(r) === 0);
  for (let i = 0; i < out.length; i++) {
    for (const c of children.get(out[i]!) ?? []) {
      waiting.set(c, waiting.get(c)! - 1);
      if (waiting.get(c) === 0) out.push(c);
    }
  }
  return out.length === rows.length ? out : [...out, ...rows.filter((r) => waiting.get(r)! > 0)]; // a cycle: the database names it
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
 * transaction. The whole file is verified before anything is written (pass `verified` when the
 * caller just did that with scanBackup). Records no audit event (the caller does), so a drill
 * can compare contents exactly.
 * @throws BackupError when the file is damaged, the schema versions differ or the target has rows
 */
export async function restoreBackup(db: Db, file: string, verified?: VerifiedBackup): Promise<VerifiedBackup> {
  verified ??= await scanBackup(file);
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
