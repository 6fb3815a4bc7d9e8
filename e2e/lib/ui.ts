import type { Locator, Page, Request } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo@25311jz';

/** Anything on screen that means "something broke": error pages, error toasts and alerts. */
const ERROR_UI = [
  '[data-testid="page-error"]',
  '[data-testid="page-not-found"]',
  '.ant-result-500',
  '.ant-result-error',
  '.ant-message-error',
  '.ant-notification-notice-error',
  '.ant-alert-error',
].join(', ');

const CJK = /[\u3400-\u9fff]/;

const DEBUG = Boolean(process.env.E2E_DEBUG);
let lastDebug = Date.now();

/** With E2E_DEBUG=1: prints a step and the time since the previous one. */
export function debug(step: string): void {
  if (!DEBUG) return;
  const now = Date.now();
  console.log(`      +${String(now - lastDebug).padStart(5)} ms  ${step}`);
  lastDebug = now;
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

export function fail(message: string): never {
  throw new Error(message);
}

/** The <input> of a test id, whether the id sits on the input or on antd's wrapper around it. */
export function inputOf(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();
}

const inflight = new WeakMap<Page, Set<Request>>();

/** Counts the page's API requests in flight, for settle(); call once per page. */
export function trackApiRequests(page: Page): void {
  const open = new Set<Request>();
  inflight.set(page, open);
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) open.add(r);
  });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/** Waits until the page stops loading: no API request in flight, no spinner, no skeleton. */
export async function settle(page: Page, maxMs = 8_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  await page.waitForLoadState('load');
  let quietSince = 0;
  while (Date.now() < deadline) {
    const requests = inflight.get(page)?.size ?? 0;
    const spinning = requests === 0 && (await page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading').count()) > 0;
    if (requests === 0 && !spinning) {
      quietSince ||= Date.now();
      // quiet for a moment: a query fired by the last render has had time to start
      if (Date.now() - quietSince >= 150) return;
    } else {
      quietSince = 0;
    }
    await page.waitForTimeout(50);
  }
}

/** Fails when an error page, error alert or error toast is visible. */
export async function assertNoErrorUi(page: Page, where: string): Promise<void> {
  const errors = page.locator(ERROR_UI);
  const n = await errors.count();
  for (let i = 0; i < n; i++) {
    const el = errors.nth(i);
    if (await el.isVisible()) {
      const text = (await el.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      fail(`${where}: error shown on screen: ${text || '(no text)'}`);
    }
  }
}

/**
 * Fails when a visible text is a bare translation key or code such as `common.nav.home` or
 * `auth.totp`: a string that missed t() or a label missing from the i18n files.
 */
export async function assertNoRawKeys(page: Page, where: string): Promise<void> {
  const raw = await page.evaluate(() => {
    const key = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z_][a-zA-Z0-9_]*)+$/;
    const fileOrHost = /\.(xlsx|docx|pdf|csv|png|json|com|cn|org|net)$/;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = (walker.currentNode.textContent ?? '').trim();
      const parent = walker.currentNode.parentElement;
      if (!parent || !key.test(text) || fileOrHost.test(text)) continue;
      if (parent.checkVisibility()) found.add(text);
    }
    return [...found];
  });
  if (raw.length > 0) fail(`${where}: untranslated keys on screen: ${raw.slice(0, 8).join(', ')}`);
}

/** Test ids of the side-menu items the signed-in user sees, in menu order. */
export async function navKeys(page: Page): Promise<string[]> {
  await page.getByTestId('side-nav').or(page.locator('[data-testid^="nav-"]').first()).first().waitFor();
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return [...new Set(ids.filter(Boolean))].map((id) => id.slice('nav-'.length));
}

/** Clicks a side-menu item and waits for that page's root (`page-<key>`). */
export async function openFromNav(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await page.getByTestId(`page-${key}`).waitFor({ state: 'visible' });
  debug(`page-${key} visible`);
  await settle(page);
  debug(`page-${key} settled`);
}

/**
 * Signs in through the login page; for TOTP accounts the demo code must be shown and
 * prefilled, and is submitted as is. Ends on the home page.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('page-login').waitFor();
  debug('login page shown');
  await inputOf(page, 'login-username').fill(username);
  await inputOf(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const home = page.getByTestId('page-home');
  const totp = page.getByTestId('totp-code');
  const error = page.getByTestId('login-error');
  await home.or(totp).or(error).first().waitFor();
  debug('password step answered');
  if (await error.isVisible()) fail(`login as ${username} refused: ${await error.innerText()}`);
  if (await totp.isVisible()) {
    const code = await inputOf(page, 'totp-code').inputValue();
    if (!/^\d{6}$/.test(code)) fail(`TOTP step for ${username}: the demo code is not prefilled (value "${code}")`);
    await page.getByTestId('totp-submit').click();
    await home.or(page.getByTestId('totp-error')).first().waitFor();
    if (!(await home.isVisible())) fail(`TOTP step for ${username} refused: ${await page.getByTestId('totp-error').innerText()}`);
  }
  if (new URL(page.url()).pathname !== '/') fail(`after login ${username} landed on ${page.url()}, not on /`);
  debug('home shown');
  await settle(page);
  debug('home settled');
}

/** Waits (briefly) until no antd/rc-motion enter animation is running. */
export async function motionDone(page: Page): Promise<void> {
  const moving = '[class*="-appear-prepare"], [class*="-appear-start"], [class*="-appear-active"], [class*="-enter-prepare"], [class*="-enter-start"], [class*="-enter-active"]';
  await page.waitForFunction((sel) => !document.querySelector(sel), moving, { timeout: 3_000, polling: 50 }).catch(() => undefined);
}

/**
 * Opens the header's user menu and clicks one item until `expected` appears. The dropdown
 * slides in; a click computed mid-animation can land on the neighbouring item, so wait for
 * the motion to end and retry once or twice.
 */
export async function chooseFromUserMenu(page: Page, itemTestId: string, expected: Locator): Promise<void> {
  const item = page.getByTestId(itemTestId);
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.waitFor({ state: 'visible' });
    await motionDone(page);
    await item.click();
    try {
      await expected.waitFor({ state: 'visible', timeout: 4_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Signs out through the user menu; the login page is back and the session is gone. */
export async function logout(page: Page): Promise<void> {
  await chooseFromUserMenu(page, 'logout', page.getByTestId('page-login'));
  debug('logged out');
  if (new URL(page.url()).pathname !== '/login') fail(`after logout the page is ${page.url()}, not /login`);
  const me = await page.request.get('/api/v1/auth/me');
  if (me.status() !== 401) fail(`after logout GET /api/v1/auth/me answered ${me.status()}, expected 401`);
}

/** Clicks the header language switch and waits until <html lang> says `lang`. */
export async function switchLanguage(page: Page, lang: 'zh-CN' | 'en-US'): Promise<void> {
  await page.getByTestId('lang-switch').first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await settle(page);
}

export async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}
