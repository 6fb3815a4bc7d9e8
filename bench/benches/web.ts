import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type BenchCtx, WrongAnswer, runBench } from '../lib/context.js';
import type { BenchResult } from '../lib/report.js';
import { BENCH_PASSWORD, accountsOf } from '../lib/sizes.js';
import { summarize } from '../lib/stats.js';

/**
 * The web: gzipped JavaScript the login page and the plan page load (gzip level 6 of each script
 * body, whatever the server sent), and the time from navigation to the first row of the plan tree
 * (data-testid item-tree / item-row-*), each plan load cold in a fresh browser context.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TREE_ROW = '[data-testid="item-tree"] [data-testid^="item-row-"]';

/** Collects every script the page requests (until stop()) with its gzipped size. */
function scriptWatcher(page: Page) {
  const pending: Promise<number>[] = [];
  let open = true;
  page.on('response', (res) => {
    if (!open || res.request().resourceType() !== 'script') return;
    pending.push(res.body().then((b) => gzipSync(b, { level: 6 }).length, () => 0));
  });
  return {
    stop: () => (open = false),
    total: async () => (await Promise.all(pending)).reduce((a, b) => a + b, 0),
    count: () => pending.length,
  };
}

async function signIn(ctx: BenchCtx, browser: Browser) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const res = await context.request.post(`${ctx.base}/api/v1/auth/login`, {
    data: { username: accountsOf(0).leader, password: BENCH_PASSWORD },
    headers: { origin: ctx.base },
  });
  if (!res.ok()) throw new WrongAnswer(`browser login failed: HTTP ${res.status()}`);
  return context;
}

/** Cold loads of a plan page: times to the first tree row, and the scripts of the first load. */
async function planLoads(ctx: BenchCtx, browser: Browser, planId: string) {
  const times: number[] = [];
  let js = 0;
  let scripts = 0;
  for (let i = 0; i < ctx.size.webLoads; i++) {
    const context = await signIn(ctx, browser);
    try {
      const page = await context.newPage();
      const watcher = scriptWatcher(page);
      const api: string[] = [];
      page.on('response', (res) => void (res.url().includes('/api/') && api.push(`${res.status()} ${res.url().replace(ctx.base, '')}`)));
      await page.goto(`${ctx.base}/plans/${planId}`, { waitUntil: 'commit', timeout: 60_000 });
      // performance.now() in the page counts from its navigation start.
      const rendered = await page
        .waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), TREE_ROW, { polling: 'raf', timeout: 60_000 })
        .catch((err: unknown) => {
          throw new WrongAnswer(`the plan tree did not render (${err instanceof Error ? err.message.split('\n')[0] : err}); the page's API calls: ${api.join(', ') || 'none'}`);
        });
      times.push(Number(await rendered.jsonValue()));
      watcher.stop();
      if (i === 0) {
        js = await watcher.total();
        scripts = watcher.count();
      }
    } finally {
      await context.close();
    }
  }
  return { t: summarize(times), js, scripts };
}

export function webLoad(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('web', 'Web', ctx.log, async (r) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const loginCtx = await browser.newContext({ locale: 'zh-CN' });
      const loginPage = await loginCtx.newPage();
      const loginScripts = scriptWatcher(loginPage);
      await loginPage.goto(`${ctx.base}/login`, { waitUntil: 'networkidle', timeout: 60_000 });
      r.figures.push({ key: 'login_js_kb', label: 'gzipped JS loaded by /login', value: Math.round((await loginScripts.total()) / 1024), unit: 'KB' });
      await loginCtx.close();

      let plan: Awaited<ReturnType<typeof planLoads>>;
      let which = 'the 2021 plan';
      try {
        plan = await planLoads(ctx, browser, ctx.zones[0]!.annualId);
      } catch (err) {
        // The 2021 plan's tree never showed: say so, and time the strategic plan's page instead, for context.
        r.ok = false;
        r.error = `2021 plan page: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
        which = 'the strategic plan (the 2021 plan failed)';
        plan = await planLoads(ctx, browser, ctx.zones[0]!.strategicId);
      }
      r.latencies[`navigation → plan tree rendered, ${which} (cold)`] = plan.t;
      r.figures.push({ key: 'plan_js_kb', label: 'gzipped JS loaded before the plan tree rendered', value: Math.round(plan.js / 1024), unit: 'KB', target: { op: '<=', limit: 400 } });
      r.figures.push({ key: 'tree_ms', label: 'navigation → plan tree rendered, median', value: r.ok ? Math.round(plan.t.p50) : null, unit: 'ms', target: { op: '<=', limit: 1500 }, ...(r.ok ? {} : { note: `the 2021 plan failed; strategic plan ${Math.round(plan.t.p50)} ms` }) });
      r.notes.push(`${plan.t.n} cold loads of ${which} (slowest ${Math.round(plan.t.max)} ms); ${plan.scripts} scripts before the tree rendered`);
    } finally {
      await browser.close();
    }
  });
}
