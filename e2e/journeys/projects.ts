import type { Page } from 'playwright-core';
import type { Journey, JourneyContext } from '../lib/harness.js';
import { assertNoErrorUi, assertNoRawKeys, debug, fail, inputOf, login, logout, motionDone, openFromNav, settle, switchLanguage } from '../lib/ui.js';
import { apiGet, ensureProjects, sitePhoto, type ApiProject } from './projects-fixtures.js';

interface Me {
  zone: { asOfDate: string };
  memberships: { unitId: string; unitName: string; role: string }[];
}
interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Progress {
  period: string;
  completedInvestment: number;
}

/** The problem the reporter raises goes to this unit (not the reporter's own). */
const OTHER_UNIT = { code: 'GJJ', name: '规划建设局' };

async function check(ctx: JourneyContext, where: string, shot?: string): Promise<void> {
  await settle(ctx.page);
  await assertNoErrorUi(ctx.page, where);
  await assertNoRawKeys(ctx.page, where);
  ctx.assertNoBrowserErrors(where);
  if (shot) await ctx.shot(shot);
}

/** The <textarea> of a test id, on the element itself or inside antd's wrapper. */
function textareaOf(page: Page, testId: string) {
  return page.getByTestId(testId).locator('xpath=descendant-or-self::textarea').first();
}

/** Picks an option of an antd Select (by its test id) from the open dropdown. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first();
  await option.waitFor({ state: 'visible' });
  await motionDone(page);
  await option.click();
}

/** Picks a unit in a UnitTreeSelect by typing its name. */
async function chooseUnit(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  const node = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper').filter({ hasText: name }).first();
  await node.waitFor({ state: 'visible' });
  await node.click();
}

/** Types a date into an antd DatePicker and confirms it. */
async function typeDate(page: Page, testId: string, text: string): Promise<void> {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** The reporter's project: an industrial one its unit leads, with room left under the total for this month. */
async function pickProject(page: Page, unitId: string, period: string): Promise<{ project: ApiProject; room: number }> {
  const list = await apiGet<{ items: ApiProject[] }>(page, `/projects?category=industry&unitId=${unitId}&pageSize=200&sort=code`);
  const candidates = [...list.items].sort((a, b) => (a.code === 'GY2021-001' ? -1 : b.code === 'GY2021-001' ? 1 : 0));
  for (const project of candidates) {
    const rows = await apiGet<{ items: Progress[] }>(page, `/projects/${project.id}/progress`);
    if (rows.items.some((r) => r.period === period)) continue;
    const room = project.totalInvestment - rows.items.reduce((s, r) => s + r.completedInvestment, 0);
    if (room > 0) return { project, room };
  }
  return fail(`no industrial project of the reporter's unit has room for ${period} (saw ${list.items.length})`);
}

/** A month above the total is refused on the field and saves nothing; a valid amount saves. */
async function recordProgress(ctx: JourneyContext, project: ApiProject, period: string, room: number): Promise<void> {
  const { page } = ctx;
  await page.getByTestId('progress-record').click();
  const form = page.getByTestId('progress-form');
  await form.waitFor();
  await typeDate(page, 'progress-period', period);
  await inputOf(page, 'progress-completed').fill(String(room + 1));
  await textareaOf(page, 'progress-image').fill('主体结构完成，设备安装 60%');
  await page.getByTestId('progress-submit').click();
  const fieldError = form.locator('.ant-form-item-explain-error').first();
  await fieldError.waitFor();
  const message = await fieldError.innerText();
  if (!/总投资/.test(message)) fail(`cumulative above the total: field message "${message}" does not mention the total investment`);
  const stored = await apiGet<{ items: Progress[] }>(page, `/projects/${project.id}/progress`);
  if (stored.items.some((r) => r.period === period)) fail(`the refused month ${period} was saved all the same`);
  await ctx.shot('projects-progress-refused-zh-CN');
  await inputOf(page, 'progress-completed').fill(String(Math.min(room, 1200)));
  await page.getByTestId('progress-submit').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId(`progress-row-${period}`).waitFor();
}

/** A file that only claims to be a PNG is refused with a translated message; a real photo shows its EXIF time and place. */
async function addPhotos(ctx: JourneyContext, period: string): Promise<void> {
  const { page } = ctx;
  const strip = page.getByTestId(`progress-photos-${period}`);
  await strip.locator('input[type=file]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  const refusal = page.locator('.ant-message-error').first();
  await refusal.waitFor();
  const text = await refusal.innerText();
  if (!/JPEG/.test(text) || /projects\.|unsupported_media_type/.test(text)) fail(`a non-image upload shows "${text}", not the translated refusal`);
  await refusal.waitFor({ state: 'detached', timeout: 10_000 });

  await strip.locator('input[type=file]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: sitePhoto('2021:03:12 10:24:00', 35.2428, 113.3012) });
  const photo = strip.getByTestId('progress-photo').first();
  await photo.waitFor();
  const exif = await photo.innerText();
  if (!/2021-03-12/.test(exif) || !/35\.2428/.test(exif)) fail(`the photo's EXIF time and GPS are not shown: "${exif}"`);
  await photo.locator('img').evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? null : new Promise((r) => img.addEventListener('load', r, { once: true }))));
}

/** A problem for another unit to solve, with a deadline; it is listed with its owner. */
async function raiseProblem(ctx: JourneyContext, period: string): Promise<void> {
  const { page } = ctx;
  await page.getByTestId('problem-create').click();
  await page.getByTestId('problem-form').waitFor();
  await textareaOf(page, 'problem-form-description').fill('施工用电增容需协调电力部门，影响设备调试');
  await chooseUnit(page, 'problem-form-owner', OTHER_UNIT.name);
  await typeDate(page, 'problem-form-deadline', `${period}-31`);
  await page.getByTestId('problem-form-submit').click();
  await page.getByTestId('problem-form').waitFor({ state: 'detached' });
  const row = page.getByTestId('problem-row').filter({ hasText: '施工用电增容' });
  await row.waitFor();
  if (!(await row.innerText()).includes(OTHER_UNIT.name)) fail('the raised problem does not name its owner unit');
}

/** The reporter: list, filter, open its project, record a month (refused above the total, then saved), a photo, a problem. */
async function reporterPart(ctx: JourneyContext): Promise<string> {
  const { page } = ctx;
  await login(page, 'reporter');
  const me = await apiGet<Me>(page, '/auth/me');
  const unitId = me.memberships.find((m) => m.role === 'reporter')?.unitId ?? fail('the reporter has no unit');
  const units = await apiGet<{ items: Unit[] }>(page, '/units');
  const other = units.items.find((u) => u.code === OTHER_UNIT.code) ?? fail(`no unit ${OTHER_UNIT.code}`);
  const year = Number(me.zone.asOfDate.slice(0, 4));
  const period = me.zone.asOfDate.slice(0, 7);
  await ensureProjects(page, ctx.baseUrl, unitId, other.id, year);

  await openFromNav(page, 'projects');
  await check(ctx, 'reporter project list');
  await choose(page, 'project-filter-category', '工业');
  await page.waitForURL(/category=industry/);
  await check(ctx, 'reporter list filtered by industry');
  const { project, room } = await pickProject(page, unitId, period);
  debug(`reporter works on ${project.code}, room ${room}`);
  await inputOf(page, 'project-filter-search').fill(project.code);
  await inputOf(page, 'project-filter-search').press('Enter');
  await page.getByTestId(`project-row-${project.code}`).waitFor();
  await page.getByTestId(`project-link-${project.code}`).click();
  await page.getByTestId('page-project').waitFor();
  await page.getByTestId('project-status').waitFor();
  await check(ctx, 'reporter project page');

  await recordProgress(ctx, project, period, room);
  await addPhotos(ctx, period);
  await raiseProblem(ctx, period);
  await check(ctx, 'reporter after progress, photo and problem', 'projects-reporter-project-zh-CN');
  await logout(page);
  // the login page keeps the last page in its history state: start the next user from a blank page
  await page.goto('about:blank');
  return project.id;
}

/** The office: the map (a marker's popup), the project page, the filtered list, the problems, then en-US. */
async function officePart(ctx: JourneyContext, projectId: string): Promise<void> {
  const { page } = ctx;
  await login(page, 'office');
  await openFromNav(page, 'projects');
  await page.getByTestId('projects-to-map').click();
  await page.getByTestId('page-project-map').waitFor();
  const markers = page.getByTestId('map-canvas').locator('path.leaflet-interactive');
  await markers.first().waitFor();
  await check(ctx, 'office map');
  await markers.first().click();
  await page.getByTestId('map-popup').waitFor();
  await ctx.shot('projects-map-zh-CN');

  await page.goto(`/projects/${projectId}`);
  await page.getByTestId('page-project').waitFor();
  await page.getByTestId('investment-chart').waitFor();
  await check(ctx, 'office project page', 'projects-project-zh-CN');
  if (!(await page.getByTestId('project-advance').isVisible())) fail('the office sees no "advance" action');

  await page.goto('/projects?category=industry&sort=overdueDays&order=desc');
  await page.getByTestId('project-table').locator('.ant-table-row').first().waitFor();
  await check(ctx, 'office list with filters', 'projects-list-zh-CN');

  await page.goto('/projects/problems');
  await page.getByTestId('problem-table').waitFor();
  await check(ctx, 'office problems', 'projects-problems-zh-CN');

  await switchLanguage(page, 'en-US');
  await page.goto(`/projects/${projectId}`);
  await page.getByTestId('investment-chart').waitFor();
  await check(ctx, 'office project page en-US', 'projects-project-en-US');
  await page.goto('/projects/map');
  await page.getByTestId('map-canvas').locator('path.leaflet-interactive').first().waitFor();
  await check(ctx, 'office map en-US', 'projects-map-en-US');
  await switchLanguage(page, 'zh-CN');
}

/**
 * Key projects end to end: the JFJ reporter records a month's progress on its project (a
 * cumulative above the total is refused on the field, a valid amount saves), adds a site photo
 * whose EXIF shows, and raises a problem for another unit; the office looks at the map, the
 * project page, the filtered list and the problems, in Chinese and in English.
 */
export const projectsJourney: Journey = {
  name: 'projects',
  timeoutMs: 240_000,
  async run(ctx) {
    const projectId = await reporterPart(ctx);
    await officePart(ctx, projectId);
  },
};
