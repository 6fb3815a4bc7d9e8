import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PG_ADMIN_URL, inheritedEnv } from './config.js';

/** Starting and stopping the real server and the `lantu` CLI as child processes, and PostgreSQL scratch databases. */

export const ROOT = path.resolve(import.meta.dirname, '../..');


/** Servers still running when the drill exits (an error, a failed must-hold) are killed with it. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});
// Stopped from outside (Ctrl-C, CI's timeout): exit through the handler above, servers and all.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

export async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Where a server keeps its data: an embedded PGlite directory or a PostgreSQL database. */
export type Store = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Server {
  child: ChildProcess;
  port: number;
  base: string;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startMs: number;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no chance to clean up. */
  kill(): Promise<void>;
  /** SIGTERM and wait; returns the exit code and how long it took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

export function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (r) => {
      r.resume();
      resolve(r.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** The environment a server or CLI child gets for a store, without any DATABASE_URL/DATA_DIR of the caller. */
export function storeEnv(store: Store, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const where = store.kind === 'pglite' ? { DATA_DIR: store.dataDir } : { DATABASE_URL: store.url };
  return { ...inheritedEnv(), NODE_ENV: 'development', LOG_LEVEL: 'warn', ...where, ...extra };
}

let built = false;

/** Bundles the server as `npm start` does (`npm run build:server`), once per drill process. */
function buildServer(): void {
  if (built) return;
  const res = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`npm run build:server failed (${res.status ?? res.signal})`);
  built = true;
}

/**
 * Starts the server as `npm start` does (the bundle server/dist/main.js, built first) on a store and
 * waits until /api/health answers 200.
 * @throws Error with the server's output when it exits or does not answer within `timeoutMs`
 */
export async function startServer(store: Store, opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Server> {
  const port = await freePort();
  const env = storeEnv(store, { PORT: String(port), HOST: '127.0.0.1', SCHEDULER_INTERVAL_MS: '0', ...opts.env });
  buildServer();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  live.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    live.delete(child);
    return code as number | null;
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  let startMs = -1;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${out}`);
    if ((await health(port)) === 200) {
      startMs = performance.now() - t0;
      break;
    }
    await sleep(25);
  }
  if (startMs < 0) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the server did not answer /api/health within ${opts.timeoutMs ?? 180_000} ms:\n${out}`);
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    startMs,
    output: () => out,
    exited,
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      const t = performance.now();
      if (alive()) child.kill('SIGTERM');
      const code = await exited;
      return { code, ms: performance.now() - t };
    },
  };
}

/** Resident set size of a process in MiB (Linux /proc), or NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs `lantu <args>` on a store; resolves with its exit code and output. */
export async function runLantu(args: string[], store: Store): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], { cwd: ROOT, env: storeEnv(store), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Whether the drills' PostgreSQL server answers. */
export async function postgresReachable(): Promise<boolean> {
  try {
    await admin((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** A new, empty PostgreSQL database `name` (dropped first if a failed run left it); returns its URL. */
export async function createDatabase(name: string, template?: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  });
  return withDatabaseName(PG_ADMIN_URL, name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Total size of the files under a directory, in MiB. */
export function dirMiB(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) bytes += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return bytes / 1024 / 1024;
}
