import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Journey, JourneyContext } from '../lib/harness.js';
import { assertNoErrorUi, assertNoRawKeys, debug, fail, login, logout, motionDone, openFromNav, settle, switchLanguage } from '../lib/ui.js';
import { closeImport, stepShows, uploadStale, workbookOf } from './reporting-steps.js';

/*
 * A whole monthly reporting cycle in the browser, on the demo seed: February 2021 is still open and
 * 经济发展局 (JFJ) has a draft with three project lines left empty; industrial investment (INV-2021)
 * is computed from accepted project progress, so February counts only once JFJ's report is accepted.
 */

/** The three empty lines of JFJ's February draft and what the reporter types (GY2021-008 jumps far beyond January's 400). */
const JUMPING = { code: 'GY2021-008', value: '1200', fixed: '450' };
const EMPTY = [
  { code: 'GY2021-014', value: '650' },
  { code: 'GY2021-023', value: '450' },
];
const NOTE = '春节后设备集中到货安装，当月投资较上月大幅增加';
const RETURN_REASON = '本月完成投资与项目月报不一致，请核实后重新填报';
const SHOT_COPIES = '/tmp/shots';

async function check(ctx: JourneyContext, where: string, shot?: string): Promise<void> {
  await settle(ctx.page);
  await assertNoErrorUi(ctx.page, where);
  await assertNoRawKeys(ctx.page, where);
  ctx.assertNoBrowserErrors(where);
  if (shot) await screenshot(ctx, shot);
}

/** A screenshot in the journey's folder, copied to /tmp/shots/reporting-<name>.png for a look. */
async function screenshot(ctx: JourneyContext, name: string): Promise<void> {
  await motionDone(ctx.page);
  await ctx.shot(`reporting-${name}`);
  fs.mkdirSync(SHOT_COPIES, { recursive: true });
  await ctx.page.screenshot({ path: path.join(SHOT_COPIES, `reporting-${name}.png`), fullPage: true, animations: 'disabled' });
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`/api/v1${url}`);
  if (!res.ok()) fail(`GET ${url} answered ${res.status()}`);
  return (await res.json()) as T;
}

/**
 * Signs out from the home page: signing out elsewhere leaves that page as the login page's "from",
 * and the next user would land there instead of on the home page.
 */
async function signOut(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('page-home').waitFor();
  await settle(page);
  await logout(page);
}

const lineOf = (page: Page, code: string): Locator => page.locator(`[data-testid^="report-line-"][data-code="${code}"]`);
const idOf = async (line: Locator): Promise<string> => ((await line.getAttribute('data-testid')) ?? '').replace('report-line-', '');
const inputIn = (scope: Locator, prefix: string): Locator => scope.locator(`[data-testid^="${prefix}"]`).locator('xpath=descendant-or-self::input').first();
const textareaIn = (scope: Locator, prefix: string): Locator => scope.locator(`[data-testid^="${prefix}"]`).locator('xpath=descendant-or-self::textarea').first();

/** Shows only some of the report's lines: `todo` (empty, unexplained, returned) or `flagged`. */
async function showLines(page: Page, filter: 'todo' | 'flagged' | 'all'): Promise<void> {
  const label = { todo: '待处理', flagged: '有预警', all: '全部行' }[filter];
  await page.getByTestId('report-line-filter').getByText(label).click();
  await page.waitForURL((u) => (filter === 'all' ? !u.search.includes('lines=') : u.search.includes(`lines=${filter}`)));
}

/** Waits until the report's state tag says `state`. */
async function reportState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="report-state"][data-state="${state}"]`).waitFor();
}

/** Types a project line's month and physical progress, leaves the line (which saves it) and waits for the save. */
async function fillProject(page: Page, code: string, value: string, note?: string): Promise<string> {
  const line = lineOf(page, code);
  await line.scrollIntoViewIfNeeded();
  const id = await idOf(line);
  await inputIn(line, 'line-investment-').fill(value);
  await textareaIn(line, 'line-image-').fill('设备进场安装，主体工程收尾');
  if (note !== undefined) await textareaIn(line, 'line-note-').fill(note);
  await page.getByTestId('report-title').click();
  await page.getByTestId(`line-saved-${id}`).waitFor();
  return id;
}

/** Opens the February report of JFJ from "my reports". */
async function openFebruary(page: Page): Promise<void> {
  await openFromNav(page, 'reports');
  const row = page.locator('[data-testid^="report-row-"]').filter({ hasText: '2021年2月' }).first();
  await row.locator('[data-testid^="report-open-"]').click();
  await page.getByTestId('page-report').waitFor();
  await settle(page);
}

/** The office opens March with the default dates; the board lists every unit. */
async function officeOpensMarch(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'office');
  await openFromNav(page, 'cycles');
  await page.getByTestId('cycle-open').click();
  await page.getByTestId('cycle-form').waitFor();
  const due = await page.getByTestId('cycle-due-date').locator('xpath=descendant-or-self::input').first().inputValue();
  if (due !== '2021-03-25') fail(`the open-cycle form proposes due date ${due}, not the default 2021-03-25`);
  await page.getByTestId('cycle-form-submit').click();
  await page.getByTestId('page-cycle').waitFor();
  await page.locator('[data-testid^="board-row-"]').first().waitFor();
  if (!(await page.getByTestId('cycle-title').innerText()).includes('2021年3月')) fail('the new board is not the March cycle');
  await settle(page);
  await motionDone(page);
  const jfj = page.locator('[data-testid^="board-row-"][data-unit="经济发展局"]');
  await jfj.locator('[data-testid^="cycle-remind-"]').click();
  await jfj.locator('[data-testid^="cycle-reminded-"]').waitFor();
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await check(ctx, 'March board', '01-board');
  await signOut(page);
}

/** The reporter fills the empty lines; the jump needs a note before submit is accepted. */
async function reporterFills(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'reporter');
  await openFebruary(page);
  await reportState(page, 'draft');
  const stale = await workbookOf(page);
  await showLines(page, 'todo');
  const jumpId = await fillProject(page, JUMPING.code, JUMPING.value);
  // what remains of the project's total comes with the line (the server computes it)
  const remaining = await page.getByTestId(`line-remaining-${jumpId}`).innerText();
  if (!/剩余投资 [\d,]+ 万元/.test(remaining)) fail(`the project line shows "${remaining}" as what remains`);
  for (const l of EMPTY) await fillProject(page, l.code, l.value);
  await uploadStale(page, stale);
  // the refusal is an error alert on purpose: check texts and the browser, not the absence of errors
  await settle(page);
  await assertNoRawKeys(page, 'import report');
  ctx.assertNoBrowserErrors('import report');
  await screenshot(ctx, '02a-import-report');
  await closeImport(page);
  await page.getByTestId(`line-needs-note-${jumpId}`).waitFor();
  await page.getByTestId('report-submit').click();
  await page.locator(`[data-testid="report-line-${jumpId}"][data-marked="true"]`).waitFor();
  await page.getByTestId(`line-issue-${jumpId}`).waitFor();
  await reportState(page, 'draft');
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await check(ctx, 'refused submit', '02-form-flag');
  await textareaIn(lineOf(page, JUMPING.code), 'line-note-').fill(NOTE);
  await page.getByTestId('report-title').click();
  await page.getByTestId(`line-explained-${jumpId}`).waitFor();
  await page.getByTestId('report-submit').click();
  await reportState(page, 'submitted');
  // submitted on the demo's business date, not today's wall clock
  await stepShows(page, 'report-submitted', 'date', '2021-03-15');
  await check(ctx, 'submitted');
  await signOut(page);
}

/** The unit head sees the report awaiting approval and approves it. */
async function headApproves(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'unit_head');
  await openFromNav(page, 'reports');
  await page.getByTestId('reports-awaiting').waitFor();
  await page.locator('[data-testid^="report-row-"][data-state="submitted"] [data-testid^="report-open-"]').first().click();
  await page.getByTestId('page-report').waitFor();
  await page.getByTestId('report-approve').click();
  await page.getByTestId('report-approve-confirm').click();
  await reportState(page, 'unit_approved');
  await check(ctx, 'approved');
  await signOut(page);
}

/** The office reviews JFJ's report from the February board and returns the jumping line with a reason. */
async function officeReturns(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'office');
  await openFromNav(page, 'cycles');
  await page.getByTestId('cycle-link-2021-02').click();
  await page.getByTestId('page-cycle').waitFor();
  await page.locator('[data-testid^="board-row-"][data-unit="经济发展局"] [data-testid^="cycle-report-"]').click();
  await page.getByTestId('page-report').waitFor();
  await reportState(page, 'unit_approved');
  await showLines(page, 'flagged');
  await page.getByTestId('report-return').click();
  await page.getByTestId('review-bar').waitFor();
  const id = await idOf(lineOf(page, JUMPING.code));
  await page.getByTestId(`line-return-${id}`).click();
  await page.getByTestId(`line-return-reason-input-${id}`).locator('xpath=descendant-or-self::input').first().fill(RETURN_REASON);
  await lineOf(page, JUMPING.code).scrollIntoViewIfNeeded();
  await check(ctx, 'review', '03-review-return');
  await page.getByTestId('review-confirm').click();
  await reportState(page, 'returned');
  await check(ctx, 'returned');
  await signOut(page);
}

/** The reporter reads the reason on the line, corrects it and submits again; the unit head approves again. */
async function reporterFixes(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'reporter');
  await openFebruary(page);
  await reportState(page, 'returned');
  await showLines(page, 'todo');
  const id = await idOf(lineOf(page, JUMPING.code));
  const reason = await page.getByTestId(`line-return-reason-${id}`).innerText();
  if (!reason.includes(RETURN_REASON)) fail(`the returned line shows "${reason}", not the office's reason`);
  await lineOf(page, JUMPING.code).scrollIntoViewIfNeeded();
  await check(ctx, 'returned line', '04-returned-reason');
  await fillProject(page, JUMPING.code, JUMPING.fixed, '按项目月报核实更正');
  await page.getByTestId('report-submit').click();
  await reportState(page, 'submitted');
  await signOut(page);
  await headApproves(ctx);
}

/** Status of item 1.2 (狠抓工业项目建设) on the 2021 plan page, and of INV-2021 on the item's page. */
async function planStatus(ctx: JourneyContext, planId: string, shot: string): Promise<{ item: string; inv: string; overall: string }> {
  const { page } = ctx;
  await page.goto(`/plans/${planId}`);
  await page.getByTestId('item-row-1.2').waitFor();
  await check(ctx, 'plan page', `${shot}-plan`);
  const item = (await page.getByTestId('item-row-1.2').getAttribute('data-status')) ?? '';
  const overall = await page.getByTestId('plan-overall-progress').innerText();
  await page.getByTestId('item-link-1.2').click();
  const inv = page.getByTestId('indicator-status-INV-2021');
  await inv.waitFor();
  await check(ctx, 'item page', `${shot}-item`);
  return { item, inv: (await inv.getAttribute('data-status')) ?? '', overall };
}

/** Before acceptance INV-2021 has no February data; the preview shows the plan with it; acceptance makes it count; closing locks. */
async function officeAccepts(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'office');
  const plans = await apiGet<{ items: { id: string; kind: string; startYear: number }[] }>(page, '/plans');
  const planId = plans.items.find((p) => p.kind === 'annual' && p.startYear === 2021)?.id ?? fail('no 2021 annual plan');
  const before = await planStatus(ctx, planId, '05-before');
  if (before.inv !== 'nodata') fail(`before acceptance INV-2021 shows ${before.inv}, expected nodata`);
  await page.goto(`/plans/${planId}`);
  await page.getByTestId('plan-preview-toggle').click();
  await page.getByTestId('plan-preview-banner').waitFor();
  await page.mouse.move(0, 0);
  await check(ctx, 'plan preview', '06-plan-preview');
  const preview = (await page.getByTestId('item-row-1.2').getAttribute('data-status')) ?? '';
  const previewOverall = await page.getByTestId('plan-overall-progress').innerText();
  debug(`item 1.2: ${before.item} → preview ${preview}; overall ${before.overall} → preview ${previewOverall}`);

  await openFromNav(page, 'cycles');
  await page.getByTestId('cycle-link-2021-02').click();
  await page.locator('[data-testid^="board-row-"][data-unit="经济发展局"] [data-testid^="cycle-report-"]').click();
  await reportState(page, 'unit_approved');
  await page.getByTestId('report-accept').click();
  await page.getByTestId('report-accept-confirm').click();
  await reportState(page, 'accepted');
  // a demo zone's steps after submission show as done, the wall-clock time only in the tooltip
  await stepShows(page, 'report-accepted', 'done');
  await check(ctx, 'accepted');

  const after = await planStatus(ctx, planId, '07-after');
  if (after.inv === 'nodata') fail('after acceptance INV-2021 still shows nodata');
  if (after.item !== preview) fail(`the preview showed item 1.2 as ${preview}, acceptance made it ${after.item}`);
  if (after.overall !== previewOverall) fail(`the preview showed the plan at ${previewOverall}, acceptance made it ${after.overall}`);

  await openFromNav(page, 'cycles');
  await page.getByTestId('cycle-link-2021-02').click();
  await page.getByTestId('cycle-close').click();
  await page.getByTestId('cycle-close-confirm').click();
  await page.locator('[data-testid="cycle-state"][data-state="closed"]').waitFor();
  await check(ctx, 'closed cycle');
  await signOut(page);
}

/** The reporter finds the report locked (no edit controls) and the bell with the return and the acceptance. */
async function reporterSeesOutcome(ctx: JourneyContext): Promise<void> {
  const { page } = ctx;
  await login(page, 'reporter');
  await openFebruary(page);
  await page.getByTestId('report-locked').waitFor();
  if ((await page.getByTestId('report-submit').count()) > 0) fail('the locked report still offers submit');
  if ((await page.getByTestId('report-lines').locator('input, textarea').count()) > 0) fail('the locked report still lets the reporter type');
  if ((await page.locator('[data-testid^="line-upload-"]').count()) > 0) fail('the locked report still offers evidence upload');
  await page.goto('/');
  await page.getByTestId('page-home').waitFor();
  await settle(page);
  await page.getByTestId('notification-bell').click();
  const list = page.getByTestId('notification-list');
  await list.waitFor();
  await list.locator('[data-kind="accepted"]').first().waitFor();
  await list.locator('[data-kind="returned"]').first().waitFor();
  await check(ctx, 'bell', '08-bell');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en-US');
  await openFromNav(page, 'reports');
  await page.locator('[data-testid^="report-row-"]').filter({ hasText: 'Feb 2021' }).locator('[data-testid^="report-open-"]').click();
  await page.getByTestId('page-report').waitFor();
  await page.getByTestId('report-line-filter').getByText('Flagged').click();
  await page.waitForURL((u) => u.search.includes('lines=flagged'));
  await check(ctx, 'report in English', '09-form-en-US');
  await switchLanguage(page, 'zh-CN');
  await signOut(page);
}

/** The whole February story and the opening of March, across office, reporter and unit head. */
export const reportingJourney: Journey = {
  name: 'reporting-cycle',
  timeoutMs: 420_000,
  async run(ctx) {
    await officeOpensMarch(ctx);
    await reporterFills(ctx);
    await headApproves(ctx);
    await officeReturns(ctx);
    await reporterFixes(ctx);
    await officeAccepts(ctx);
    await reporterSeesOutcome(ctx);
  },
};
