import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { type Database, type Db, openPglite, openPostgres, queryRows } from '../src/db/client.js';
import { testConfig } from '../src/config.js';
import { recordAudit, verifyAuditChain } from '../src/platform/audit.js';
import { runCli } from '../src/cli/run.js';
import { withDatabase } from './global-setup.js';
import { testDatabase } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ACTOR = { zoneId: null, userId: null, username: 'test', role: null, ip: null, requestId: null };

/** Appends events and changes one byte of the middle one behind the triggers' back (as a superuser could). */
async function tamper(db: Db): Promise<string> {
  for (let i = 0; i < 4; i++) await db.transaction((tx) => recordAudit(tx, ACTOR, { action: 'test.event', summary: { i, note: '篡改检测' } }));
  const [row] = await queryRows<{ id: string }>(db, sql`select id::text as id from audit_event order by id desc offset 2 limit 1`);
  await db.execute(sql`alter table audit_event disable trigger user`);
  await db.execute(sql`update audit_event set action = 'test.evenT' where id = ${row!.id}`);
  await db.execute(sql`alter table audit_event enable trigger user`);
  return row!.id;
}

/** An on-disk database the real CLI can open: a PGlite DATA_DIR, or a new PostgreSQL database. */
async function diskDatabase(dir: string): Promise<{ database: Database; env: Record<string, string>; drop(): Promise<void> }> {
  const tpl = inject('pgTemplate');
  if (!tpl) {
    fs.mkdirSync(dir, { recursive: true });
    const database = await openPglite(path.join(dir, 'pg'), new Blob([fs.readFileSync(inject('pgliteTemplate'))]));
    return { database, env: { DATA_DIR: dir }, drop: async () => {} };
  }
  const name = `lantu_t_${tpl.name.split('_').pop()}_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: tpl.url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name} template ${tpl.name}`);
  const url = withDatabase(tpl.url, name);
  return { database: await openPostgres(url, 2), env: { DATABASE_URL: url }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

describe('audit trail integrity', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database?.close());

  it('the application cannot UPDATE, DELETE or TRUNCATE audit_event', async () => {
    const { db } = database;
    // Drizzle wraps the driver's error; the trigger's message is its cause.
    const refused = { cause: expect.objectContaining({ message: 'audit_event is append-only' }) };
    await expect(db.execute(sql`update audit_event set action = 'x'`)).rejects.toMatchObject(refused);
    await expect(db.execute(sql`delete from audit_event`)).rejects.toMatchObject(refused);
    await expect(db.execute(sql`truncate audit_event`)).rejects.toMatchObject(refused);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('a one-byte change to one row is named by verifyAuditChain and by lantu audit verify', async () => {
    const id = await tamper(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenId: id, reason: 'hash' });
    const lines: string[] = [];
    const ctx = {
      config: () => testConfig(),
      openDatabase: async () => ({ ...database, close: async () => {} }),
      out: (t: string) => lines.push(t),
      err: (t: string) => lines.push(t),
      readSecret: async () => '',
    };
    expect(await runCli(['audit', 'verify'], ctx)).toBe(1);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^BROKEN at audit_event id ${id} \\(hash\\)`))]);
  });

  it('the real CLI process exits 1 and names the changed row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-audit-'));
    const target = await diskDatabase(dir);
    try {
      const id = await tamper(target.database.db);
      await target.database.close();
      const { DATA_DIR: _d, DATABASE_URL: _u, ...inherited } = process.env;
      const env = { ...inherited, ...target.env };
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'audit', 'verify'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`BROKEN at audit_event id ${id} (hash)`);
    } finally {
      await target.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
