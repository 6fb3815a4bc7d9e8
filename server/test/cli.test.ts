import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client.js';
import { testConfig } from '../src/config.js';
import { buildApp } from '../src/app.js';
import { FakeClock } from '../src/platform/clock.js';
import { verifyAuditChain } from '../src/platform/audit.js';
import { COMMANDS, runCli } from '../src/cli/run.js';
import type { CliContext } from '../src/cli/context.js';
import { emptyDatabase, login, testDatabase } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Captured extends CliContext {
  lines: string[];
  text(): string;
}

/** A CLI context on an open test database (commands do not close it), capturing output. */
function cliOn(database: Database | null, secret = ''): Captured {
  const lines: string[] = [];
  return {
    lines,
    text: () => lines.join('\n'),
    config: () => testConfig(),
    openDatabase: async () => {
      if (!database) throw new Error('no database in this test');
      return { ...database, close: async () => {} };
    },
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    readSecret: async () => secret,
  };
}

const ADMIN_PASSWORD = 'Lantu#Bootstrap-2021';
const NEW_ADMIN = ['create-user', '--unit', 'GWH', '--username', 'admin', '--name', '系统管理员', '--role', 'sysadmin'];
const BOOTSTRAP = [...NEW_ADMIN, '--zone', 'jz', '--zone-name', '焦作高新区', '--unit-name', '管委会'];

describe('lantu command line', () => {
  it('prints help for every command; unknown commands and options are usage errors (exit 2)', async () => {
    for (const c of COMMANDS) {
      const ctx = cliOn(null);
      expect(await runCli([c.name, '--help'], ctx)).toBe(0);
      expect(ctx.text()).toContain(`lantu ${c.name}`);
    }
    const top = cliOn(null);
    expect(await runCli(['--help'], top)).toBe(0);
    expect(top.text()).toMatch(/create-user.*\n.*audit/s);
    expect(await runCli([], cliOn(null))).toBe(2);
    expect(await runCli(['frobnicate'], cliOn(null))).toBe(2);
    const bad = cliOn(null);
    expect(await runCli(['create-user', '--username', 'x1y', '--bogus'], bad)).toBe(2);
    expect(bad.text()).toMatch(/Unknown option '--bogus'[\s\S]*lantu create-user --help/);
    expect(await runCli(['create-user', '--username', 'bob'], cliOn(null))).toBe(2);
    expect(await runCli(['create-user', '--username', 'bob', '--name', 'B', '--unit', 'U', '--role', 'king'], cliOn(null))).toBe(2);
    expect(await runCli(['backup'], cliOn(null))).toBe(2);
    expect(await runCli(['audit', 'check'], cliOn(null))).toBe(2);
  });

  it('migrate and seed say what they did on a seeded database; audit verify says OK', async () => {
    const database = await testDatabase();
    try {
      const ctx = cliOn(database);
      expect(await runCli(['migrate'], ctx)).toBe(0);
      expect(await runCli(['seed'], ctx)).toBe(0);
      expect(await runCli(['audit', 'verify'], ctx)).toBe(0);
      expect(ctx.lines).toEqual([
        expect.stringMatching(/^Schema version \d{4}_\w+ \(\d+ migrations; 0 applied now\)\.$/),
        expect.stringMatching(/already there; nothing to do/),
        expect.stringMatching(/^OK: \d+ events verified$/),
      ]);
    } finally {
      await database.close();
    }
  });

  describe('create-user on an empty database', () => {
    let database: Database;
    beforeAll(async () => {
      database = await emptyDatabase();
    });
    afterAll(() => database?.close());

    it('refuses without a zone, and refuses a password too short for a privileged role, writing nothing', async () => {
      const noZone = cliOn(database, ADMIN_PASSWORD);
      expect(await runCli(NEW_ADMIN, noZone)).toBe(1);
      expect(noZone.text()).toMatch(/No zone exists yet/);
      const weak = cliOn(database);
      expect(await runCli([...BOOTSTRAP, '--password', 'Short#2021a'], weak)).toBe(1);
      expect(weak.text()).toMatch(/security policy: too_short.*at least 12 characters/);
      const [n] = await queryRows<{ n: number }>(database.db, sql`select (select count(*) from zone)::int + (select count(*) from audit_event)::int as n`);
      expect(n!.n).toBe(0);
    });

    it('bootstraps the first zone, its root unit and a sysadmin (password from stdin) who can then sign in', async () => {
      const ctx = cliOn(database, ADMIN_PASSWORD);
      expect(await runCli(BOOTSTRAP, ctx)).toBe(0);
      expect(ctx.text()).toMatch(/Created zone jz[\s\S]*Created root unit GWH[\s\S]*Created user admin/);
      const events = await queryRows<{ action: string; username: string }>(database.db, sql`select action, username from audit_event order by id`);
      expect(events).toEqual(['zone.create', 'unit.create', 'user.create', 'grant.add'].map((action) => ({ action, username: 'cli' })));
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 4 });

      const app = await buildApp({ database, config: testConfig(), clock: new FakeClock(Date.now()) });
      try {
        const session = await login(app, 'admin', ADMIN_PASSWORD);
        const me = await session.request('GET', '/api/v1/auth/me');
        expect(me.json()).toMatchObject({ stage: 'totp_enrol', user: { username: 'admin', mustChangePassword: true }, roles: ['sysadmin'] });
      } finally {
        await app.close();
      }
    });

    it('adds a second user to the only zone; refuses a taken username and an unknown unit', async () => {
      const ok = cliOn(database);
      expect(await runCli(['create-user', '--username', 'li.hua', '--name', '李华', '--unit', 'GWH', '--role', 'reporter', '--password', 'Reporter#2021'], ok)).toBe(0);
      const taken = cliOn(database);
      expect(await runCli(['create-user', '--username', 'li.hua', '--name', '李华', '--unit', 'GWH', '--role', 'reporter', '--password', 'Reporter#2021'], taken)).toBe(1);
      expect(taken.text()).toMatch(/li\.hua is taken/);
      const unknown = cliOn(database);
      expect(await runCli(['create-user', '--username', 'wang', '--name', '王', '--unit', 'NOPE', '--role', 'reporter', '--password', 'Reporter#2021'], unknown)).toBe(1);
      expect(unknown.text()).toMatch(/Unit NOPE does not exist in this zone \(top-level units: GWH\)/);
    });
  });

  it('bin/lantu.js runs the CLI through tsx and passes the exit code on', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin/lantu.js'), ...args], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const [help, unknown] = await Promise.all([run(['--help']), run(['frobnicate'])]);
    expect(help).toMatchObject({ code: 0, output: expect.stringContaining('蓝图 Lantu') });
    expect(unknown).toMatchObject({ code: 2, output: expect.stringContaining('Unknown command frobnicate') });
  });
});
