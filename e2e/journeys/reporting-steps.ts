import type { Page } from 'playwright-core';
import { fail } from '../lib/ui.js';

/* Steps of the reporting journey around the report header and the workbook upload. */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The open report's workbook as the server gives it now. */
export async function workbookOf(page: Page): Promise<Buffer> {
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const res = await page.request.get(`/api/v1/reports/${id}/workbook`);
  if (!res.ok()) fail(`the report workbook answered ${res.status()}`);
  return res.body();
}

/** A workbook downloaded before the lines were saved is refused row by row (they changed since): the import report shows, nothing is saved. */
export async function uploadStale(page: Page, workbook: Buffer): Promise<void> {
  await page.getByTestId('report-import').click();
  const modal = page.getByTestId('report-import-modal');
  await modal.waitFor();
  await modal.locator('input[type="file"]').setInputFiles({ name: '二月报表.xlsx', mimeType: XLSX, buffer: workbook });
  await page.getByTestId('report-import-submit').click();
  await page.getByTestId('report-import-report').waitFor();
  const first = await page.getByTestId('report-import-issue-0').innerText();
  if (!first.includes('已被他人修改')) fail(`the stale workbook's first problem reads "${first}", not a version conflict`);
}

export async function closeImport(page: Page): Promise<void> {
  await page.getByTestId('report-import-close').click();
  await page.getByTestId('report-import-modal').waitFor({ state: 'detached' });
}

/** A review step in the report header: a business date, or (demo zone) only a done tag. */
export async function stepShows(page: Page, testId: string, kind: 'date' | 'done', text?: string): Promise<void> {
  const step = page.locator(`[data-testid="${testId}"][data-step="${kind}"]`);
  await step.waitFor();
  const shown = await step.innerText();
  if (text !== undefined && shown.trim() !== text) fail(`${testId} shows "${shown}", expected "${text}"`);
}
