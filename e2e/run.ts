/**
 * Browser journeys: starts the real server on a fresh embedded database, drives Debian's
 * Chromium through playwright-core, writes e2e/results.json and screenshots, and ends with
 * the line "N passed, N failed". Run from the repository root: `npm run test:e2e`
 * (which builds the web first).
 *   E2E_ONLY=<substring>  run only the journeys whose name contains it
 *   E2E_WORKERS=<n>       journeys at a time, each in its own browser context (default 2)
 *   E2E_DEBUG=1           print every step with its duration
 *   E2E_SERVER_TIMEOUT_MS how long to wait for the server to boot (default 240000)
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freshDir, runJourney, type Journey, type TestResult } from './lib/harness.js';
import { startServer, type RunningServer } from './lib/server.js';
import { roleJourneys } from './journeys/roles.js';
import { reporterForbidden, signOutElsewhere, wrongPassword } from './journeys/access.js';
import { projectsJourney } from './journeys/projects.js';
import { reportingJourney } from './journeys/reporting.js';

const E2E_DIR = import.meta.dirname;
const REPO_ROOT = path.resolve(E2E_DIR, '..');
const SHOTS_DIR = path.join(E2E_DIR, 'screenshots');
const RESULTS_FILE = path.join(E2E_DIR, 'results.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const JOURNEYS: Journey[] = [...roleJourneys, wrongPassword, reporterForbidden, signOutElsewhere, projectsJourney, reportingJourney];
const WORKERS = Math.max(1, Number(process.env.E2E_WORKERS) || 2);

/** Runs `work` over `items`, `limit` at a time; results in the order of `items`. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function report(results: TestResult[]): { passed: number; failed: number } {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify({ passed, failed, tests: results }, null, 2)}\n`);
  return { passed, failed };
}

function print(result: TestResult): void {
  const mark = result.ok ? '✓' : '✗';
  console.log(`${mark} ${result.name} (${(result.ms / 1000).toFixed(1)} s)`);
  if (result.error) console.log(`    ${result.error.replace(/\n/g, '\n    ')}`);
}

/** The server must stop cleanly on SIGTERM (it closes PGlite on the way out). */
async function stopServer(server: RunningServer): Promise<TestResult> {
  const started = Date.now();
  const code = await server.stop();
  const ok = code === 0;
  return {
    name: 'server-stops-on-sigterm',
    ok,
    ms: Date.now() - started,
    ...(ok ? {} : { error: code === null ? 'did not exit within 15 s of SIGTERM (killed)' : `exited with code ${code}` }),
  };
}

async function main(): Promise<number> {
  const only = process.env.E2E_ONLY;
  const journeys = only ? JOURNEYS.filter((j) => j.name.includes(only)) : JOURNEYS;
  freshDir(SHOTS_DIR);
  fs.rmSync(RESULTS_FILE, { force: true });
  const results: TestResult[] = [];
  const t0 = Date.now();

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    // the server's first boot (migrate + seed) is the slow part: start the browser meanwhile
    const [booted, launched] = await Promise.allSettled([
      startServer(REPO_ROOT).then((s) => {
        console.log(`server up at ${s.baseUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return s;
      }),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }),
    ]);
    if (booted.status === 'fulfilled') server = booted.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (booted.status === 'rejected') throw booted.reason;
    if (launched.status === 'rejected') throw launched.reason;
    if (!server || !browser) throw new Error('unreachable: server and browser both started');
    console.log(`chromium ${browser.version()}; ${journeys.length} journeys, ${WORKERS} at a time`);
    const b = browser;
    const baseUrl = server.baseUrl;
    const done = await inParallel(journeys, WORKERS, async (journey) => {
      const result = await runJourney(b, baseUrl, SHOTS_DIR, journey);
      print(result);
      return result;
    });
    results.push(...done);
  } catch (err) {
    // the harness itself broke (server or browser would not start): one failure, reported
    const result: TestResult = { name: 'e2e-setup', ok: false, ms: Date.now() - t0, error: (err as Error).message };
    results.push(result);
    print(result);
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) {
      const stop = await stopServer(server);
      results.push(stop);
      print(stop);
      if (results.some((r) => !r.ok)) {
        const errors = server.log().split('\n').filter((l) => /"level":(50|60)|Error/.test(l));
        if (errors.length > 0) console.log(`--- server errors (last 20) ---\n${errors.slice(-20).join('\n')}`);
      }
    }
  }

  const { passed, failed } = report(results);
  console.log(`\ne2e finished in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${path.relative(REPO_ROOT, SHOTS_DIR)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify({ passed: 0, failed: 1, tests: [{ name: 'e2e-runner', ok: false, ms: 0, error: String(err) }] }, null, 2)}\n`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
