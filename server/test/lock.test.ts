import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/db/lock.js';
import { openDatabase } from '../src/db/open.js';
import { testConfig } from '../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Another process that takes the lock of `dir` and holds it until its stdin closes. */
async function holder(dir: string): Promise<ChildProcessWithoutNullStreams> {
  const code = `import { lockDataDir } from ${JSON.stringify(path.join(ROOT, 'server/src/db/lock.ts'))};
    const lock = lockDataDir(${JSON.stringify(dir)});
    console.log('locked');
    process.stdin.on('end', () => { lock.release(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  for await (const chunk of child.stdout) if (String(chunk).includes('locked')) return child;
  throw new Error(`the holder did not take the lock: ${out}`);
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const { DATA_DIR: _d, DATABASE_URL: _u, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], { cwd: ROOT, env: { ...inherited, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
}

describe('data directory lock', () => {
  it('a second opener fails at once, naming the process that holds the directory', async () => {
    const dir = path.join(tmp, 'held');
    const child = await holder(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ pid: child.pid }));
      const started = Date.now();
      await expect(openDatabase(testConfig({ dataDir: dir }))).rejects.toThrow(DataDirLockedError);
      expect(Date.now() - started).toBeLessThan(1000);
      const cli = await run(['migrate'], { DATA_DIR: dir });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`The data directory ${dir} is in use by process ${child.pid}`);
    } finally {
      child.stdin.end();
      await once(child, 'exit');
    }
    expect(fs.existsSync(path.join(dir, 'lantu.lock'))).toBe(false);
    lockDataDir(dir).release();
  });

  it('a lock left by a process that is gone is taken over, with PGlite’s stale postmaster.pid', async () => {
    const dir = path.join(tmp, 'stale');
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    fs.mkdirSync(path.join(dir, 'pg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lantu.lock'), String(dead.pid));
    fs.writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), '-42\n');
    const lock = lockDataDir(dir);
    expect(lock.healedFrom).toBe(dead.pid);
    expect(fs.readFileSync(path.join(dir, 'lantu.lock'), 'utf8')).toBe(String(process.pid));
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'lantu.lock'))).toBe(false);
  });
});
