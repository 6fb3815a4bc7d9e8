/**
 * Browser journeys: starts the real server on a fresh embedded database, drives Debian's
 * Chromium through playwright-core, writes e2e/results.json and screenshots, and ends with
 * the line "N passed, N failed". Run from the repository root: `npm run test:e2e`
 * (which builds the web first). Set E2E_ONLY=<substring> to run some journeys only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freshDir, runJourney, type Journey, type TestResult } from './lib/harness.js';
import { startServer, type RunningServer } from './lib/server.js';
import { roleJourneys } from './journeys/roles.js';
import { reporterForbidden, wrongPassword } from './journeys/access.js';

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

const JOURNEYS: Journey[] = [...roleJourneys, wrongPassword, reporterForbidden];

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
    server = await startServer(REPO_ROOT);
    console.log(`server up at ${server.baseUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    console.log(`chromium ${browser.version()}; ${journeys.length} journeys`);
    for (const journey of journeys) {
      const result = await runJourney(browser, server.baseUrl, SHOTS_DIR, journey);
      results.push(result);
      print(result);
    }
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
