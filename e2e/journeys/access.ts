import type { Journey } from '../lib/harness.js';
import { assertNoErrorUi, assertNoRawKeys, fail, hasCjk, inputOf, login, logout, navKeys, settle, switchLanguage } from '../lib/ui.js';
import { ADMIN_NAV } from './roles.js';

/** A wrong password shows a translated error (zh-CN, then en-US) and stays on the login page. */
export const wrongPassword: Journey = {
  name: 'login-wrong-password',
  async run(ctx) {
    const { page } = ctx;
    await page.goto('/login');
    await page.getByTestId('page-login').waitFor();
    await inputOf(page, 'login-username').fill('leader');
    await inputOf(page, 'login-password').fill('Wrong-Password-1');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor({ state: 'visible' });
    await settle(page);

    const zh = (await error.innerText()).trim();
    if (!hasCjk(zh) || /errors\.|login_failed/.test(zh)) fail(`login error is not a zh-CN sentence: "${zh}"`);
    if (new URL(page.url()).pathname !== '/login') fail(`a wrong password left the login page: ${page.url()}`);
    if (await page.getByTestId('page-home').count()) fail('a wrong password reached the home page');
    if (await page.getByTestId('totp-code').count()) fail('a wrong password reached the TOTP step');
    await assertNoRawKeys(page, 'wrong password (zh-CN)');
    ctx.assertNoBrowserErrors('wrong password (zh-CN)');
    await ctx.shot('login-wrong-password-zh-CN');

    await switchLanguage(page, 'en-US');
    const en = (await error.innerText()).trim();
    if (hasCjk(en) || !/[A-Za-z]{3}/.test(en) || /errors\.|login_failed/.test(en)) fail(`login error is not an en-US sentence: "${en}"`);
    await assertNoRawKeys(page, 'wrong password (en-US)');
    ctx.assertNoBrowserErrors('wrong password (en-US)');
    await ctx.shot('login-wrong-password-en-US');
  },
};

const ADMIN_PATHS = ['/admin/users', '/admin/units', '/admin/security', '/admin/audit'];
/** Names only the user administration would show a reporter. */
const ADMIN_ONLY_TEXT = ['secadmin', 'auditor', '安全管理员', '审计管理员'];

/**
 * A reporter sees no admin entries; typing an admin address shows "no access" (or sends
 * the user away) without showing or even fetching admin data; the API answers 403.
 */
export const reporterForbidden: Journey = {
  name: 'reporter-no-admin',
  async run(ctx) {
    const { page } = ctx;
    await login(page, 'reporter');
    const keys = await navKeys(page);
    const admin = keys.filter((k) => (ADMIN_NAV as readonly string[]).includes(k));
    if (admin.length > 0) fail(`reporter sees admin menu entries: ${admin.join(', ')}`);

    for (const path of ADMIN_PATHS) {
      const screen = path.split('/').pop() ?? path;
      const seenBefore = ctx.apiResponses.length;
      await page.goto(path);
      const forbidden = page.getByTestId('page-forbidden');
      await forbidden.or(page.getByTestId('page-home')).or(page.getByTestId('page-login')).first().waitFor();
      await settle(page);
      const stayed = new URL(page.url()).pathname === path;
      if (stayed && !(await forbidden.isVisible())) fail(`${path}: the reporter stays on the page without a 403 screen`);
      if (await page.getByTestId(`page-${screen}`).count()) fail(`${path}: the admin page rendered for the reporter`);
      if (await page.locator('.ant-table-row').count()) fail(`${path}: a data table is visible to the reporter`);
      const body = await page.locator('body').innerText();
      const leaked = ADMIN_ONLY_TEXT.filter((t) => body.includes(t));
      if (leaked.length > 0) fail(`${path}: admin data visible to the reporter: ${leaked.join(', ')}`);
      const fetched = ctx.apiResponses.slice(seenBefore).filter((r) => /^\/api\/v1\/(users|security|audit-events)/.test(r.path) && r.status < 300);
      if (fetched.length > 0) fail(`${path}: admin data was served to the reporter: ${fetched.map((r) => `${r.path} ${r.status}`).join(', ')}`);
      await assertNoErrorUi(page, path);
      await assertNoRawKeys(page, path);
      ctx.assertNoBrowserErrors(path);
      await ctx.shot(`reporter-forbidden-${screen}-zh-CN`);
    }

    for (const api of ['/api/v1/users', '/api/v1/security/policy', '/api/v1/audit-events']) {
      const res = await page.request.get(api);
      if (res.status() !== 403) fail(`GET ${api} as reporter answered ${res.status()}, expected 403`);
    }
  },
};

/**
 * Signing out on a deep page does not send the next person who signs in on this tab there:
 * the leader starts at home, not on the reporter's last page.
 */
export const signOutElsewhere: Journey = {
  name: 'signout-next-user-home',
  async run(ctx) {
    const { page } = ctx;
    await login(page, 'reporter');
    await page.goto('/projects');
    await page.getByTestId('page-projects').waitFor();
    await settle(page);
    await logout(page);
    await login(page, 'leader');
    ctx.assertNoBrowserErrors('sign-out on a deep page, then another user');
  },
};
