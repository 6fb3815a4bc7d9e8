import type { Page } from 'playwright-core';
import type { Journey, JourneyContext } from '../lib/harness.js';
import { assertNoErrorUi, assertNoRawKeys, chooseFromUserMenu, fail, hasCjk, htmlLang, login, logout, navKeys, openFromNav, settle, switchLanguage } from '../lib/ui.js';

/** Side-menu entries that only some roles may see (web/src/app/access.ts). */
export const ADMIN_NAV = ['units', 'users', 'security', 'audit'] as const;

/** Every demo account and the admin entries its menu must show — no more, no fewer. */
export const DEMO_ROLES: Record<string, readonly string[]> = {
  leader: [],
  office: [],
  unit_head: [],
  reporter: [],
  investment: [],
  service_officer: [],
  enterprise: [],
  sysadmin: ['units', 'users'],
  secadmin: ['users', 'security'],
  auditor: ['audit'],
};

/** Accounts that also walk every page in en-US. */
const ENGLISH_TOO = new Set(['sysadmin', 'office']);

async function checkPage(ctx: JourneyContext, where: string, shotName?: string): Promise<void> {
  await assertNoErrorUi(ctx.page, where);
  await assertNoRawKeys(ctx.page, where);
  ctx.assertNoBrowserErrors(where);
  if (shotName) await ctx.shot(shotName);
}

async function checkMenu(page: Page, username: string, keys: string[]): Promise<void> {
  if (!keys.includes('home')) fail(`${username}: no nav-home in the menu (saw ${keys.join(', ') || 'nothing'})`);
  const shown = keys.filter((k) => (ADMIN_NAV as readonly string[]).includes(k)).sort();
  const expected = [...(DEMO_ROLES[username] ?? [])].sort();
  if (shown.join() !== expected.join()) {
    fail(`${username}: admin menu entries [${shown.join(', ')}], expected [${expected.join(', ')}]`);
  }
}

/** Every label of the side menu: all CJK in zh-CN; Latin and no CJK in en-US. */
async function checkMenuLanguage(page: Page, username: string, lang: 'zh-CN' | 'en-US'): Promise<void> {
  const actual = await htmlLang(page);
  if (actual !== lang) fail(`${username}: <html lang="${actual}">, expected ${lang}`);
  const labels = await page.locator('[data-testid^="nav-"]').allInnerTexts();
  for (const label of labels.map((l) => l.trim())) {
    const ok = lang === 'zh-CN' ? hasCjk(label) : /[A-Za-z]/.test(label) && !hasCjk(label);
    if (!ok) fail(`${username}: menu label "${label}" is not ${lang}`);
  }
}

async function openProfile(page: Page): Promise<void> {
  await chooseFromUserMenu(page, 'menu-profile', page.getByTestId('page-profile'));
  await settle(page);
}

async function walkPages(ctx: JourneyContext, username: string, keys: string[], lang: 'zh-CN' | 'en-US'): Promise<void> {
  for (const key of keys) {
    await openFromNav(ctx.page, key);
    await checkPage(ctx, `${username} ${lang} ${key}`, `${username}-${key}-${lang}`);
  }
  await openProfile(ctx.page);
  await checkPage(ctx, `${username} ${lang} profile`, `${username}-profile-${lang}`);
  await checkMenuLanguage(ctx.page, username, lang);
}

/**
 * One demo account: sign in (with the prefilled demo TOTP code where the role needs one),
 * land on home, open every menu entry and the profile, check each renders without errors,
 * screenshot it; some accounts repeat the walk in English; sign out.
 */
export function roleJourney(username: string): Journey {
  const english = ENGLISH_TOO.has(username);
  return {
    name: `role-${username}`,
    timeoutMs: english ? 150_000 : 90_000,
    async run(ctx) {
      const { page } = ctx;
      await login(page, username);
      await checkPage(ctx, `${username} home after login`);
      const keys = await navKeys(page);
      await checkMenu(page, username, keys);
      await walkPages(ctx, username, keys, 'zh-CN');
      if (english) {
        await switchLanguage(page, 'en-US');
        await walkPages(ctx, username, keys, 'en-US');
      }
      await logout(page);
      await checkPage(ctx, `${username} after logout`, `${username}-logout-${english ? 'en-US' : 'zh-CN'}`);
    },
  };
}

export const roleJourneys: Journey[] = Object.keys(DEMO_ROLES).map(roleJourney);
