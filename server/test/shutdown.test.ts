import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/db/seed/demo-units.js';
import { openPglite } from '../src/db/client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-shutdown-'));
const lockFile = path.join(dir, 'lantu.lock');
/** Generous: a shared, loaded machine can take a minute to open PGlite from a cold start. */
const STARTUP_MS = 180_000;
const TEST_MS = 300_000;

interface Server {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as net.AddressInfo;
  srv.close();
  return port;
}

/** A response, or the network error when the server would not take the request. */
type Outcome = { status: number; body: string } | { error: string };

/**
 * A POST whose body is sent in two parts: the request is in flight (headers read, body pending)
 * until `finish` is called.
 */
function slowPost(port: number, url: string, payload: unknown): { finish(): void; done: Promise<Outcome> } {
  const body = Buffer.from(JSON.stringify(payload));
  const origin = `http://127.0.0.1:${port}`;
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: url, headers: { 'content-type': 'application/json', 'content-length': body.length, origin } });
  const done = new Promise<Outcome>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
  });
  req.write(body.subarray(0, 10));
  return { finish: () => req.end(body.subarray(10)), done };
}

const login = (port: number, username: string) => {
  const r = slowPost(port, '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  r.finish();
  return r.done;
};

const health = (port: number) =>
  new Promise<number>((resolve) => http.get(`http://127.0.0.1:${port}/api/health`, (r) => (r.resume(), resolve(r.statusCode ?? 0))).on('error', () => resolve(0)));

async function until(what: string, ok: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) if (await ok()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts the real server on the shared data directory and waits until /api/health answers. */
async function start(): Promise<Server> {
  const port = await freePort();
  const { DATABASE_URL: _u, ...inherited } = process.env;
  const env = { ...inherited, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const server = { child, port, output: () => output, exited };
  try {
    await until('/api/health', async () => {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      return (await health(port)) === 200;
    }, STARTUP_MS);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
  }
  return server;
}

/** SIGTERM, and how long the process took to exit, with which code. */
async function stop(server: Server): Promise<{ code: number | null; ms: number }> {
  const t = Date.now();
  server.child.kill('SIGTERM');
  const code = await server.exited;
  return { code, ms: Date.now() - t };
}

let running: Server | undefined;
/** Whatever a failed test left running is killed before the next one starts. */
async function startFresh(): Promise<Server> {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  return (running = await start());
}
beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) return;
  // Start from the migrated, seeded template rather than an initdb + seed inside the server.
  const database = await openPglite(path.join(dir, 'pg'), new Blob([fs.readFileSync(inject('pgliteTemplate'))]));
  await database.close();
});
afterAll(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the server process (embedded PGlite)', () => {
  it('on SIGTERM finishes in-flight requests, refuses new ones, exits 0 within 10 s and frees the data directory', async () => {
    const server = await startFresh();
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
    const inFlight = DEMO_ACCOUNTS.slice(0, 3).map((a) => slowPost(server.port, '/api/v1/auth/login', { username: a.username, password: DEMO_PASSWORD }));
    // Once a later request is answered, the server has read the in-flight headers; their bodies are still to come.
    expect(await health(server.port)).toBe(200);
    await sleep(200);
    const stopped = stop(server);
    await until('the shutdown to begin', () => server.output().includes('SIGTERM: finishing'), 10_000);
    for (const r of inFlight) r.finish();
    const [late, ...answers] = await Promise.all([login(server.port, DEMO_ACCOUNTS[3]!.username), ...inFlight.map((r) => r.done)]);
    expect(answers.map((a) => ('status' in a ? a.status : a.error))).toEqual([200, 200, 200]);
    expect('status' in late! ? late.status : late!.error).toMatch(/^(503|ECONNREFUSED|ECONNRESET)$/);
    const { code, ms } = await stopped;
    expect({ code, output: server.output() }).toEqual({ code: 0, output: expect.not.stringMatching(/Error|too long/) });
    expect(ms).toBeLessThan(10_000);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, TEST_MS);

  it('starts again on the same directory with the data intact', async () => {
    const server = await startFresh();
    const res = await login(server.port, 'leader');
    expect(res).toMatchObject({ status: 200 });
    expect(server.output()).not.toMatch(/Took over/);
    // kill -9: no chance to clean up; the lock file stays behind with a dead pid
    server.child.kill('SIGKILL');
    await server.exited;
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
  }, TEST_MS);

  it('after kill -9 the stale lock is healed and the server starts', async () => {
    const server = await startFresh();
    expect(server.output()).toContain(`Took over the lock of ${dir} left by process`);
    expect(await login(server.port, 'leader')).toMatchObject({ status: 200 });
    expect({ ...(await stop(server)), output: server.output() }).toMatchObject({ code: 0 });
    expect(fs.existsSync(lockFile)).toBe(false);
  }, TEST_MS);
});
