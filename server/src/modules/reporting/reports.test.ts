import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ReportCycle, ReportDetail, ReportLine, UnitReport } from '@lantu/core';
import { auditEvent } from '../audit/audit.table.js';
import { evidenceFile, indicatorValue } from '../indicators/indicators.table.js';
import { projectProgress } from '../projects/projects.table.js';
import { submittedOverlay } from './preview.service.js';
import { itemProgressNote } from './reporting.table.js';
import { type ReportingFixture, fieldsOf, reportingFixture } from './reporting.test-helpers.js';

let f: ReportingFixture;
let cycle: ReportCycle;
let report: ReportDetail;
let indicatorId: string;
let filesDir: string;
let projectId: string;
let manualItemId: string;

const lineOf = (r: ReportDetail, pred: (l: ReportLine) => boolean) => {
  const l = r.lines.find(pred);
  expect(l).toBeDefined();
  return l!;
};
const mine = (r: ReportDetail) => lineOf(r, (l) => l.indicatorId === indicatorId);
const evaluation = async () => (await f.leader.request('GET', `/api/v1/indicators/${indicatorId}`)).json().evaluation;
const auditsOf = async (action: string) => (await f.t.database.db.select().from(auditEvent).where(eq(auditEvent.action, action))).length;
/** A step answers the report's summary: what the report reads as afterwards, less its lines. */
const summaryOf = ({ lines: _lines, jumpBand: _band, ...rest }: ReportDetail): UnitReport => rest;
async function expectSummary(answer: UnitReport): Promise<ReportDetail> {
  expect(answer).not.toHaveProperty('lines');
  const read = await f.detail(f.office, answer.id);
  expect(answer).toEqual(summaryOf(read));
  return read;
}

const BOUNDARY = '----lantu-report-boundary';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
function multipart(filename: string, data: Buffer): { body: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-report-files-'));
  f = await reportingFixture({ filesDir });
  const ind = await f.createIndicator('RPT-AMT');
  indicatorId = ind.id;
  for (const [p, v] of [['2021-01', '1'], ['2021-02', '1']]) expect((await f.office.request('PUT', `/api/v1/indicators/${indicatorId}/values/${p}`, { value: v })).statusCode).toBe(200);
  projectId = (await f.createProject('RPT-PRJ', { totalInvestment: 1000, annualInvestment: 500 })).id;
  const manual = await f.office.request('POST', `/api/v1/plans/${f.jfjItem.planId}/items`, { parentId: f.jfjItem.id, title: '手动进度任务', leadUnitId: f.unitIds.JFJ, progressMethod: 'manual' });
  expect(manual.statusCode, manual.body).toBe(201);
  manualItemId = manual.json().id;
  cycle = await f.openCycle('2021-03');
  report = await f.reportOf(cycle.id, 'JFJ');
});
afterAll(async () => {
  await f.t.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('a unit report from draft to acceptance', () => {
  it('holds the values of indicators the unit reports, with last month beside, and starts not started', async () => {
    expect(report.state).toBe('not_started');
    expect(mine(report)).toMatchObject({ kind: 'indicator', previous: '1', value: null, filled: false, itemCode: f.jfjItem.code, unitOfMeasure: '亿元', remaining: null, progressMethod: null });
    // What the form needs comes with the line: a project's remaining total, an item's progress method.
    expect(lineOf(report, (l) => l.projectId === projectId)).toMatchObject({ kind: 'project', remaining: 1000, progressMethod: null });
    expect(lineOf(report, (l) => l.itemId === manualItemId && l.kind === 'item')).toMatchObject({ progressMethod: 'manual', remaining: null });
    expect(lineOf(report, (l) => l.itemId === f.jfjItem.id && l.kind === 'item').progressMethod).not.toBe('manual');
    expect(report.jumpBand).toBe(0.5);
    const codes = report.lines.filter((l) => l.kind === 'indicator').map((l) => l.code);
    // Project-driven indicators are computed, an annual one is owed in December only.
    expect(codes).not.toContain('INV-2021');
    expect(codes).not.toContain('SODA-2021');
    // By item code, then position.
    const itemCodes = report.lines.filter((l) => l.itemCode).map((l) => l.itemCode!);
    expect(itemCodes.indexOf(f.jfjItem.code)).toBeGreaterThan(itemCodes.indexOf('1'));
  });

  it('a reporter of another unit can neither read nor fill nor submit the report', async () => {
    const other = await f.reportOf(cycle.id, 'KJJ');
    const line = other.lines[0]!;
    expect((await f.reporter.request('GET', `/api/v1/reports/${other.id}`)).statusCode).toBe(403);
    expect((await f.put(f.reporter, other, line, { note: '越权' })).statusCode).toBe(403);
    expect((await f.step(f.reporter, other.id, 'submit', { version: other.version })).statusCode).toBe(403);
    const mineOnly = (await f.reporter.request('GET', `/api/v1/reports?cycleId=${cycle.id}&unitId=${f.unitIds.KJJ}`)).json<{ items: UnitReport[] }>();
    expect(mineOnly.items).toEqual([]);
    const all = (await f.reporter.request('GET', `/api/v1/reports?cycleId=${cycle.id}`)).json<{ items: UnitReport[] }>();
    expect(all.items.map((r) => r.unitName)).toEqual(['经济发展局']);
    expect((await f.detail(f.office, other.id)).state).toBe('not_started');
  });

  it('flags a jump from last month, which must be explained before submitting', async () => {
    const res = await f.put(f.reporter, report, mine(report), { value: '3' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ value: '3', flags: ['jump'], filled: true, version: 1 });
    report = await f.detail(f.reporter, report.id);
    expect(report.state).toBe('draft');
    expect(report.unexplainedCount).toBe(1);
    const refused = await f.step(f.reporter, report.id, 'submit', { version: report.version });
    const fields = fieldsOf(refused);
    expect(fields).toContainEqual({ field: `lines.${mine(report).id}.note`, issue: 'explain_flag', limit: 'jump' });
    expect(fields.filter((x) => x.issue === 'required').length).toBe(report.lineCount - 1);
    expect((await f.detail(f.office, report.id)).state).toBe('draft');
  });

  it('refuses fields of another kind of line and names them', async () => {
    const project = lineOf(report, (l) => l.kind === 'project');
    expect(fieldsOf(await f.put(f.reporter, report, project, { value: '1' }))).toEqual([{ field: 'value', issue: 'not_for_kind', limit: 'project' }]);
    expect(fieldsOf(await f.put(f.reporter, report, mine(report), { currentAmount: '10', lastYearAmount: '9' })).map((x) => x.issue)).toEqual(['growth_only', 'growth_only']);
    const byHand = lineOf(report, (l) => l.itemId === manualItemId && l.kind === 'item');
    const measured = lineOf(report, (l) => l.itemId === f.jfjItem.id && l.kind === 'item');
    expect(fieldsOf(await f.put(f.reporter, report, measured, { progress: '40' }))).toEqual([{ field: 'progress', issue: 'not_for_kind', limit: 'manual' }]);
    expect(fieldsOf(await f.put(f.reporter, report, byHand, { progress: '140' }))).toEqual([{ field: 'progress', issue: 'range', limit: '0–100' }]);
    expect((await f.put(f.reporter, report, byHand, { progress: '40', note: '完成方案编制' })).json()).toMatchObject({ progress: '40', filled: true });
  });

  it('catches two people editing one line at once: the second gets a version conflict', async () => {
    const line = mine(report);
    const [a, b] = await Promise.all([f.put(f.reporter, report, line, { value: '1.2', note: '统计口径调整' }), f.put(f.unitHead, report, line, { value: '9.9' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.code).toBe('version_conflict');
    report = await f.detail(f.reporter, report.id);
    // The loser's figure was not written over the winner's.
    expect(mine(report)).toMatchObject({ value: won.json().value, version: line.version + 1 });
    if (won !== a) expect((await f.put(f.reporter, report, mine(report), { value: '1.2', note: '统计口径调整' })).statusCode).toBe(200);
    report = await f.detail(f.reporter, report.id);
    expect(mine(report)).toMatchObject({ value: '1.2', note: '统计口径调整', flags: [] });
  });

  it('stores evidence on a line of a draft', async () => {
    const { body, headers } = multipart('三月台账.pdf', PDF);
    const res = await f.reporter.request('POST', `/api/v1/reports/${report.id}/lines/${mine(report).id}/evidence`, body, headers);
    expect(res.statusCode, res.body).toBe(201);
    const file = (await f.office.request('GET', `/api/v1/report-files/${res.json().id}`));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    const second = await f.reporter.request('POST', `/api/v1/reports/${report.id}/lines/${mine(report).id}/evidence`, body, headers);
    expect((await f.office.request('DELETE', `/api/v1/report-files/${second.json().id}`)).statusCode).toBe(403);
    expect((await f.reporter.request('DELETE', `/api/v1/report-files/${second.json().id}`)).statusCode).toBe(200);
    expect((await f.leader.request('GET', `/api/v1/report-files/${second.json().id}`)).statusCode).toBe(404);
    expect(mine(await f.detail(f.reporter, report.id)).evidence.map((e) => e.name)).toEqual(['三月台账.pdf']);
  });

  it('refuses illegal steps with 4xx and changes nothing', async () => {
    const before = await f.auditCount();
    const approveDraft = await f.step(f.unitHead, report.id, 'approve', { version: report.version });
    expect(approveDraft.statusCode).toBe(409);
    expect(approveDraft.json().error.details).toMatchObject({ reason: 'state', state: 'draft', action: 'approve' });
    expect((await f.step(f.office, report.id, 'accept', { version: report.version })).statusCode).toBe(409);
    expect((await f.step(f.reporter, report.id, 'approve', { version: report.version })).statusCode).toBe(403);
    expect(await f.auditCount()).toBe(before);
    expect((await f.detail(f.office, report.id)).state).toBe('draft');
  });

  it('submits late after the due date, with the days late', async () => {
    await f.setAsOf('2021-03-27');
    report = await f.fillAll(f.reporter, report.id);
    const res = await f.step(f.reporter, report.id, 'submit', { version: report.version });
    expect(res.statusCode, res.body).toBe(200);
    // The business date of the submission comes with the wall-clock time.
    expect(res.json()).toMatchObject({ state: 'submitted', late: true, daysLate: 2, submittedOn: '2021-03-27' });
    expect(res.json().submittedAt).not.toBeNull();
    await expectSummary(res.json());
    expect((await f.notificationsOf('unit_head', 'submitted')).length).toBe(1);
    const late = (await f.office.request('GET', `/api/v1/reports?cycleId=${cycle.id}&late=true&pageSize=100`)).json<{ items: UnitReport[] }>();
    expect(late.items.find((r) => r.id === report.id)).toMatchObject({ state: 'submitted', daysLate: 2, submittedOn: '2021-03-27' });
    // Units that have not submitted are late by the business date.
    expect(late.items.every((r) => r.late && r.daysLate === 2)).toBe(true);
    // Submitted: the unit can no longer edit.
    report = await f.detail(f.reporter, report.id);
    const edit = await f.put(f.reporter, report.id, mine(report), { note: '再改' });
    expect(edit.statusCode).toBe(409);
  });

  it('the unit head approves; the office returns one line with a reason; the reporter fixes it', async () => {
    const approved = await f.step(f.unitHead, report.id, 'approve', { version: report.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('unit_approved');
    expect((await f.notificationsOf('office', 'approved')).length).toBe(1);
    report = await expectSummary(approved.json());
    const bad = await f.step(f.office, report.id, 'return', { version: report.version, lines: [{ lineId: cycle.id, reason: '?' }] });
    expect(fieldsOf(bad)).toEqual([{ field: 'lines.0.lineId', issue: 'not_found' }]);
    const returned = await f.step(f.office, report.id, 'return', { version: report.version, comment: '请核实', lines: [{ lineId: mine(report).id, reason: '与统计局口径不一致' }] });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', returnComment: '请核实', returnedLineCount: 1 });
    report = await expectSummary(returned.json());
    expect(mine(report).returnReason).toBe('与统计局口径不一致');
    expect((await f.notificationsOf('reporter', 'returned')).length).toBe(1);
    const fixed = await f.put(f.reporter, report, mine(report), { value: '1.1' });
    expect(fixed.json()).toMatchObject({ value: '1.1', returnReason: null });
  });

  it('counts the figures only on acceptance: submitted values are a preview, accepted ones change the status', async () => {
    await f.setAsOf('2021-04-01');
    const before = await evaluation();
    report = await f.detail(f.reporter, report.id);
    const resubmitted = await f.step(f.reporter, report.id, 'submit', { version: report.version });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const approved = await f.step(f.unitHead, report.id, 'approve', { version: resubmitted.json().version });
    expect(approved.statusCode).toBe(200);
    expect(await evaluation()).toEqual(before);
    expect((await submittedOverlay(f.t.database.db, f.zoneId, f.jfjItem.planId)).values.get(indicatorId)?.get('2021-03')).toBe('1.1');
    const itemOf = async (query: string) =>
      (await f.office.request('GET', `/api/v1/plans/${f.jfjItem.planId}/items${query}`)).json().items.find((i: { id: string }) => i.id === f.jfjItem.id);
    const [plain, preview] = [await itemOf(''), await itemOf('?preview=submitted')];
    expect(preview.progress).not.toBe(plain.progress);
    expect(await itemOf('')).toEqual(plain);
    // The plan's overall progress previews the same way, and stores nothing either.
    const planOf = async (query: string) => (await f.office.request('GET', `/api/v1/plans/${f.jfjItem.planId}${query}`)).json();
    const [plainPlan, previewPlan] = [await planOf(''), await planOf('?preview=submitted')];
    expect(previewPlan.progress).not.toBe(plainPlan.progress);
    expect(await planOf('')).toEqual(plainPlan);
    expect((await f.office.request('GET', `/api/v1/plans/${f.jfjItem.planId}?preview=everything`)).statusCode).toBe(400);

    const accepts = await auditsOf('report.accept');
    const accepted = await f.step(f.office, report.id, 'accept', { version: approved.json().version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    report = await expectSummary(accepted.json());
    expect(await auditsOf('report.accept')).toBe(accepts + 1);
    const after = await evaluation();
    expect(after.actual).not.toBe(before.actual);
    expect(after).toMatchObject({ month: 3, actual: '3.1', status: 'green' });
    expect(before.status).not.toBe('green');
    // Acceptance makes the plan what the preview showed.
    expect((await planOf('')).progress).toBe(previewPlan.progress);
    expect((await f.notificationsOf('reporter', 'accepted')).length).toBe(1);
  });

  it('acceptance wrote the value with its evidence, the projects’ progress and the items’ notes', async () => {
    const db = f.t.database.db;
    const [value] = await db.select().from(indicatorValue).where(and(eq(indicatorValue.indicatorId, indicatorId), eq(indicatorValue.period, '2021-03')));
    expect(value).toMatchObject({ value: '1.1', reviewState: 'accepted', reportId: report.id });
    expect(await db.select().from(evidenceFile).where(eq(evidenceFile.valueId, value!.id))).toHaveLength(1);
    const project = lineOf(report, (l) => l.kind === 'project');
    const [progress] = await db.select().from(projectProgress).where(and(eq(projectProgress.projectId, project.projectId!), eq(projectProgress.period, '2021-03')));
    expect(progress).toMatchObject({ completedInvestment: 100, reviewState: 'accepted', reportId: report.id });
    // What remained before March: March's own accepted figure does not count against it.
    expect(lineOf(report, (l) => l.projectId === projectId).remaining).toBe(1000);
    const notes = await db.select().from(itemProgressNote).where(eq(itemProgressNote.reportId, report.id));
    expect(notes.length).toBe(report.lines.filter((l) => l.kind === 'item').length);
    // An item measured by hand takes the reported progress.
    expect((await f.leader.request('GET', `/api/v1/items/${manualItemId}`)).json()).toMatchObject({ manualProgress: '40', version: 1 });
    expect(report.submittedAt).not.toBeNull();
  });

  it('an accepted report cannot be edited or stepped again; the office may reopen it with a reason', async () => {
    expect((await f.put(f.reporter, report, mine(report), { value: '5' })).statusCode).toBe(409);
    expect((await f.step(f.office, report.id, 'accept', { version: report.version })).statusCode).toBe(409);
    expect((await f.step(f.office, report.id, 'reopen', { version: report.version, reason: '' })).statusCode).toBe(400);
    const reopened = await f.step(f.office, report.id, 'reopen', { version: report.version, reason: '统计局数据修订' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'returned', reopenReason: '统计局数据修订', locked: false });
    const line = mine(await expectSummary(reopened.json()));
    const [event] = await f.t.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'report.reopen'));
    expect(event!.summary).toMatchObject({ reason: '统计局数据修订' });
    expect((await f.put(f.reporter, report.id, line, { value: '1.3' })).statusCode).toBe(200);
    // Until it is accepted again, the accepted value stays what it was.
    expect((await evaluation()).actual).toBe('3.1');
  });

  it('acceptance that would take a project past its total is refused with the line named, and changes nothing', async () => {
    report = await f.detail(f.reporter, report.id);
    const line = lineOf(report, (l) => l.projectId === projectId);
    // Nothing accepted before March: no jump to flag, and 900 of 1000 remain.
    expect((await f.put(f.reporter, report, line, { completedInvestment: 900 })).json()).toMatchObject({ completedInvestment: 900, flags: [] });
    report = await f.detail(f.reporter, report.id);
    const submitted = await f.step(f.reporter, report.id, 'submit', { version: report.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await f.step(f.unitHead, report.id, 'approve', { version: submitted.json().version });
    // Meanwhile the office records April directly: 100 (March, accepted) + 200 leaves 700 for March's correction.
    expect((await f.office.request('PUT', `/api/v1/projects/${projectId}/progress/2021-04`, { completedInvestment: 200 })).statusCode).toBe(200);
    const audits = await f.auditCount();
    const refused = await f.step(f.office, report.id, 'accept', { version: approved.json().version });
    expect(fieldsOf(refused)).toEqual([{ field: `lines.${line.id}.completedInvestment`, issue: 'exceeds_total', limit: 800 }]);
    expect(await f.auditCount()).toBe(audits);
    expect((await f.detail(f.office, report.id)).state).toBe('unit_approved');
    const [march] = await f.t.database.db.select().from(projectProgress).where(and(eq(projectProgress.projectId, projectId), eq(projectProgress.period, '2021-03')));
    expect(march!.completedInvestment).toBe(100);
    expect((await evaluation()).actual).toBe('3.1');
  });

  it('a later cycle’s project line carries what remains after the months accepted before it', async () => {
    const april = await f.reportOf((await f.openCycle('2021-04')).id, 'JFJ');
    // 1000 less March's accepted 100; April's own figure (entered by the office) is not before April.
    expect(lineOf(april, (l) => l.projectId === projectId)).toMatchObject({ remaining: 900, previous: '100' });
  });
});
