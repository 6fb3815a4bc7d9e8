import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_POLICY } from '@lantu/core';
import { type Database, queryRows } from '../src/db/client.js';
import { BackupError, tableFingerprints, writeBackup } from '../src/db/backup.js';
import { restoreBackup } from '../src/db/restore.js';
import { testConfig } from '../src/config.js';
import { recordAudit, verifyAuditChain } from '../src/platform/audit.js';
import { updatePolicy } from '../src/modules/security/security.service.js';
import { runCli } from '../src/cli/run.js';
import type { CliContext } from '../src/cli/context.js';
import { emptyDatabase, testDatabase } from './helpers.js';

/** A new, migrated database with no rows. */
async function migratedEmptyDatabase(): Promise<Database> {
  const database = await emptyDatabase();
  await database.migrate();
  return database;
}

/** A CLI context on an open test database (not closed by the command), capturing output. */
function cliOn(database: Database, lines: string[]): CliContext {
  return {
    config: () => testConfig(),
    openDatabase: async () => ({ ...database, close: async () => {} }),
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    readSecret: async () => '',
  };
}

const ACTOR = { zoneId: null, userId: null, username: 'test', role: null, ip: null, requestId: null };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-backup-'));
const file = path.join(dir, 'full.lantu.gz');
let source: Database;
let target: Database;

async function allEmpty(database: Database): Promise<boolean> {
  return Object.values(await tableFingerprints(database.db)).every((t) => t.rows === 0);
}

beforeAll(async () => {
  [source, target] = await Promise.all([testDatabase(), migratedEmptyDatabase()]);
  const db = source.db;
  const [z] = await queryRows<{ id: string }>(db, sql`select id from zone`);
  await updatePolicy(db, { ...ACTOR, zoneId: z!.id }, z!.id, { ...DEFAULT_POLICY, minLength: 10, version: 0 });
  // 1,500 units whose parents sort after them, so restore must reorder across insert batches;
  // more rows than one read page; and a name JSON must escape.
  await db.execute(sql`insert into unit (zone_id, code, name, kind, sort) select ${z!.id}, 'T' || g, '测试单位' || g, 'section', g from generate_series(1, 1500) g`);
  await db.execute(sql`update unit u set parent_id = n.next from (select id, lead(id) over (order by id) as next from unit where code like 'T%') n where u.id = n.id and n.next is not null`);
  await db.execute(sql`insert into unit (zone_id, code, name, kind) values (${z!.id}, 'Q', ${'引号"\'\n\t\\ 😀'}, 'other')`);
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a backup whose manifest matches the source, including its own system.backup event', async () => {
    const { manifest, header } = await writeBackup(source, file, ACTOR);
    expect(header).toMatchObject({ format: 'lantu-backup', formatVersion: 1, databaseKind: source.kind });
    expect(manifest.tables).toEqual(await tableFingerprints(source.db));
    expect(manifest.tables.unit!.rows).toBeGreaterThan(1500);
    expect(Object.keys(manifest.tables)).not.toContain('user_session');
    const [last] = await queryRows<{ action: string }>(source.db, sql`select action from audit_event order by id desc limit 1`);
    expect(last!.action).toBe('system.backup');
    await expect(writeBackup(source, file, ACTOR)).rejects.toThrow(/already exists/);
  });

  it('refuses a backup with one byte flipped inside the gzip payload, writing nothing', async () => {
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(path.join(dir, 'flipped.gz'), bytes);
    await expect(restoreBackup(target.db, path.join(dir, 'flipped.gz'))).rejects.toThrow(/damaged or incomplete/);
    expect(await allEmpty(target)).toBe(true);
  });

  it('refuses a truncated backup and a re-compressed one whose content was edited', async () => {
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(path.join(dir, 'cut.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(restoreBackup(target.db, path.join(dir, 'cut.gz'))).rejects.toThrow(BackupError);
    const text = zlib.gunzipSync(bytes).toString('utf8').replace('测试单位77', '测试单位78');
    fs.writeFileSync(path.join(dir, 'edited.gz'), zlib.gzipSync(text));
    await expect(restoreBackup(target.db, path.join(dir, 'edited.gz'))).rejects.toThrow(/checksum of table unit does not match/);
    const lines: string[] = [];
    const untouched = { ...cliOn(target, lines), openDatabase: () => Promise.reject(new Error('the database must not be opened')) };
    expect(await runCli(['restore', path.join(dir, 'cut.gz')], untouched)).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^The backup .*cut\.gz is damaged or incomplete \(gzip: unexpected end of file\)/)]);
    expect(await allEmpty(target)).toBe(true);
  });

  it('refuses a target database that has rows, naming the table', async () => {
    await expect(restoreBackup(source.db, file)).rejects.toThrow(/table \w+ has rows/);
  });

  it('restores into an empty database with equal fingerprints for every table, and sequences moved on', async () => {
    await restoreBackup(target.db, file);
    expect(await tableFingerprints(target.db)).toEqual(await tableFingerprints(source.db));
    const [u] = await queryRows<{ name: string }>(target.db, sql`select name from unit where code = 'Q'`);
    expect(u!.name).toBe('引号"\'\n\t\\ 😀');
    await target.db.transaction((tx) => recordAudit(tx, ACTOR, { action: 'test.after_restore' }));
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  });

  it('lantu backup and lantu restore: the restore adds a system.restore event and the chain still verifies', async () => {
    const cliFile = path.join(dir, 'cli.lantu.gz');
    const lines: string[] = [];
    expect(await runCli(['backup', cliFile], cliOn(source, lines))).toBe(0);
    const fresh = await migratedEmptyDatabase();
    try {
      expect(await runCli(['restore', cliFile], cliOn(fresh, lines))).toBe(0);
      expect(lines.join('\n')).toMatch(/Restored \d+ rows in \d+ tables/);
      const before = await tableFingerprints(source.db);
      const after = await tableFingerprints(fresh.db);
      expect(after.audit_event!.rows).toBe(before.audit_event!.rows + 1);
      expect({ ...after, audit_event: null }).toEqual({ ...before, audit_event: null });
      const [last] = await queryRows<{ action: string; username: string }>(fresh.db, sql`select action, username from audit_event order by id desc limit 1`);
      expect(last).toEqual({ action: 'system.restore', username: 'cli' });
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: after.audit_event!.rows });
    } finally {
      await fresh.close();
    }
  });
});
