import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { debug, trackApiRequests } from './ui.js';

/** What a journey gets: its own browser context (cookies, storage) and one page in it. */
export interface JourneyContext {
  page: Page;
  baseUrl: string;
  /** Saves screenshots/<name>.png (full page). */
  shot(name: string): Promise<void>;
  /** Throws if the browser reported errors since the last call (console, uncaught, 5xx). */
  assertNoBrowserErrors(where: string): void;
  /** API responses seen so far, for assertions such as "the users list was refused". */
  apiResponses: { method: string; path: string; status: number }[];
}

export interface Journey {
  name: string;
  timeoutMs?: number;
  run(ctx: JourneyContext): Promise<void>;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const DEFAULT_TIMEOUT_MS = 90_000;
const ACTION_TIMEOUT_MS = 15_000;

/**
 * Chrome logs every non-2xx fetch as "Failed to load resource"; 4xx answers are expected
 * (401 before sign-in, 403 on purpose), 5xx are caught from the responses themselves.
 */
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of (4\d\d|5\d\d)/;

export class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function watch(page: Page): { problems: string[]; api: JourneyContext['apiResponses'] } {
  const problems: string[] = [];
  const api: JourneyContext['apiResponses'] = [];
  trackApiRequests(page);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !EXPECTED_CONSOLE.test(msg.text())) problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught in page: ${err.message}`));
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith('/api/')) return;
    api.push({ method: res.request().method(), path: url.pathname + url.search, status: res.status() });
    if (res.status() >= 500) problems.push(`HTTP ${res.status()} from ${res.request().method()} ${url.pathname}`);
  });
  return { problems, api };
}

/** Runs one journey in a fresh context; a failure is screenshotted and returned, never thrown. */
export async function runJourney(browser: Browser, baseUrl: string, shotsDir: string, journey: Journey): Promise<TestResult> {
  const started = Date.now();
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  try {
    context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const p = await context.newPage();
    page = p;
    const watched = watch(p);
    const ctx: JourneyContext = {
      page: p,
      baseUrl,
      apiResponses: watched.api,
      shot: async (name) => {
        await p.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true, animations: 'disabled' });
        debug(`screenshot ${name}`);
      },
      assertNoBrowserErrors: (where) => {
        const found = watched.problems.splice(0);
        if (found.length > 0) throw new Error(`${where}: ${found.join(' | ')}`);
      },
    };
    await withTimeout(journey.run(ctx), journey.timeoutMs ?? DEFAULT_TIMEOUT_MS, journey.name);
    return { name: journey.name, ok: true, ms: Date.now() - started };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
    if (page) {
      await page
        .screenshot({ path: path.join(shotsDir, `${journey.name}-FAILED.png`), fullPage: true, timeout: 5_000 })
        .catch(() => undefined);
    }
    return { name: journey.name, ok: false, ms: Date.now() - started, error: message };
  } finally {
    await context?.close().catch(() => undefined);
  }
}

/** Empties (or creates) the screenshot directory so old pictures never pass for new ones. */
export function freshDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
