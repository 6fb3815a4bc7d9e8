import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr interleaved). */
  log(): string;
  /** SIGTERM, then wait; resolves with the exit code (null when it had to be killed). */
  stop(graceMs?: number): Promise<number | null>;
}

/** First boot migrates and seeds the demo zone; on a busy 2-CPU machine that took ~90 s. */
const HEALTH_TIMEOUT_MS = Number(process.env.E2E_SERVER_TIMEOUT_MS) || 240_000;

/** A port nobody listens on right now: the preferred one if it is free, else one the OS picks. */
export async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const address = srv.address();
        const got = typeof address === 'object' && address ? address.port : null;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}

/**
 * Starts the real server (the bundle `npm start` runs, server/dist/main.js) on a fresh embedded database and
 * waits until /api/health answers. The child leads its own process group, so stop() reaches
 * anything it spawned as well.
 * @throws Error when the web build is missing or the server does not become healthy
 */
export async function startServer(repoRoot: string, preferredPort = 3900): Promise<RunningServer> {
  if (!fs.existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist/index.html is missing: run `npm run build:web` first (npm run test:e2e does).');
  }
  if (!fs.existsSync(path.join(repoRoot, 'server/dist/main.js'))) {
    throw new Error('server/dist/main.js is missing: run `npm run build:server` first (npm run test:e2e does).');
  }
  const port = await freePort(preferredPort);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-'));
  // Embedded PGlite in a fresh directory: a DATABASE_URL from the caller's shell must not leak in.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.WEB_DIST;
  const child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    baseUrl,
    dataDir,
    log: () => output,
    stop: (graceMs = 15_000) => stopChild(child, exited, dataDir, graceMs),
  };
  try {
    await waitForHealth(baseUrl, exited);
  } catch (err) {
    await server.stop(2_000);
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output.slice(-4000)}`, { cause: err });
  }
  return server;
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>): Promise<void> {
  let dead: number | null | undefined;
  void exited.then((code) => (dead = code));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (dead !== undefined) throw new Error(`server exited with code ${dead} before it became healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer GET /api/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, dataDir: string, graceMs: number): Promise<number | null> {
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
  let result = await Promise.race([exited, timer]);
  if (result === 'timeout') {
    signalGroup('SIGKILL');
    await exited;
    result = null;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  return result;
}
