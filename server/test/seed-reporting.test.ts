import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Channel, Notification, ReportCycle, ReportDetail, ReportLine, Status, UnitReport } from '@lantu/core';
import { JFJ_EMPTY_LINES } from '../src/db/seed/reporting-story.js';
import { indicator, indicatorValue } from '../src/modules/indicators/indicators.table.js';
import { project, projectProgress } from '../src/modules/projects/projects.table.js';
import { itemProgressNote } from '../src/modules/reporting/reporting.table.js';
import { type Session, type TestApp, login, testApp } from './helpers.js';

/* The demo zone's reporting as of 2021-03-15, as the office, the JFJ staff and the plan pages see it. */

let t: TestApp;
let office: Session;
let reporter: Session;
let unitHead: Session;
let cycles: ReportCycle[];
let february: UnitReport[];
let january: UnitReport[];

const get = async <T>(s: Session, url: string): Promise<T> => {
  const res = await s.request('GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
};
const reportsOf = async (cycleId: string) => (await get<{ items: UnitReport[]; total: number }>(office, `/api/v1/reports?cycleId=${cycleId}&pageSize=100`)).items;
const byUnit = (list: UnitReport[], name: string) => list.find((r) => r.unitName === name)!;
const detail = (s: Session, r: UnitReport) => get<ReportDetail>(s, `/api/v1/reports/${r.id}`);
const empty = (d: ReportDetail) => d.lines.filter((l) => !l.filled);

beforeAll(async () => {
  t = await testApp();
  [office, reporter, unitHead] = [await login(t.app, 'office'), await login(t.app, 'reporter'), await login(t.app, 'unit_head')];
  cycles = (await get<{ items: ReportCycle[] }>(office, '/api/v1/report-cycles')).items;
  january = await reportsOf(cycles.find((c) => c.period === '2021-01')!.id);
  february = await reportsOf(cycles.find((c) => c.period === '2021-02')!.id);
});
afterAll(() => t.close());

describe('the cycles', () => {
  it('has January closed, February open with the dates moved for 春节, and no March yet', () => {
    expect(cycles.map((c) => c.period)).toEqual(['2021-02', '2021-01']);
    const [feb, jan] = cycles;
    expect(jan).toMatchObject({ openDate: '2021-01-01', dueDate: '2021-01-25', closeDate: '2021-02-05', state: 'closed', reportCount: 18, lateCount: 1 });
    expect(jan!.counts).toMatchObject({ accepted: 18 });
    expect(feb).toMatchObject({ openDate: '2021-02-01', dueDate: '2021-03-10', closeDate: '2021-03-20', state: 'open', reportCount: 18 });
    expect(feb!.counts).toEqual({ not_started: 1, draft: 1, submitted: 1, unit_approved: 1, accepted: 13, returned: 1 });
    // 经济发展局 (draft) and 自然资源和生态环境局 (not started) are late as of 03-15, 社会事业局 submitted a day late.
    expect(feb!.lateCount).toBe(3);
  });

  it('accepted every January report, locked by the closed cycle; 自然资源和生态环境局 two days late', () => {
    expect(january.every((r) => r.state === 'accepted' && r.locked && r.filledCount === r.lineCount)).toBe(true);
    expect(january.filter((r) => r.late).map((r) => [r.unitName, r.daysLate])).toEqual([['自然资源和生态环境局', 2]]);
  });

  it('shows where each February report stands', () => {
    const states = Object.fromEntries(february.filter((r) => r.state !== 'accepted').map((r) => [r.unitName, r.state]));
    expect(states).toEqual({ 经济发展局: 'draft', 规划建设局: 'returned', 科技创新局: 'unit_approved', 农业农村局: 'submitted', 自然资源和生态环境局: 'not_started' });
    expect(byUnit(february, '经济发展局')).toMatchObject({ late: true, daysLate: 5, locked: false, dueDate: '2021-03-10' });
    expect(byUnit(february, '社会事业局')).toMatchObject({ state: 'accepted', daysLate: 1 });
    expect(byUnit(february, '自然资源和生态环境局')).toMatchObject({ filledCount: 0, daysLate: 5 });
    expect(february.filter((r) => r.state !== 'not_started').every((r) => r.unexplainedCount === 0)).toBe(true);
  });
});

describe('经济发展局’s February draft', () => {
  let draft: ReportDetail;
  beforeAll(async () => {
    draft = await detail(reporter, byUnit(february, '经济发展局'));
  });

  it('holds the February progress of the 44 projects it leads and a note on each of its 9 items, 3 project lines left empty', () => {
    expect(draft.lines.filter((l) => l.kind === 'project')).toHaveLength(44);
    expect(draft.lines.filter((l) => l.kind === 'item').every((l) => l.filled && l.note)).toBe(true);
    expect(empty(draft).map((l) => [l.kind, l.code, l.previous])).toEqual(JFJ_EMPTY_LINES.map((e) => ['project', e.code, String(e.january)]));
    expect(draft).toMatchObject({ lineCount: 53, filledCount: 50, unexplainedCount: 0 });
  });

  it('with the journey’s figures for the empty lines, makes February’s 4.5亿元 of industrial investment', async () => {
    const industry = new Set((await t.database.db.select().from(project).where(eq(project.category, 'industry'))).map((p) => p.id));
    const filled = draft.lines.filter((l) => l.kind === 'project' && industry.has(l.projectId!)).reduce((s, l) => s + (l.completedInvestment ?? 0), 0);
    expect(filled + JFJ_EMPTY_LINES.reduce((s, e) => s + e.completedInvestment, 0)).toBe(45_000);
  });

  it('is not accepted progress: February has none for the projects 经济发展局 leads', async () => {
    const ids = draft.lines.filter((l) => l.kind === 'project').map((l) => l.projectId!);
    const rows = await t.database.db.select().from(projectProgress).where(and(inArray(projectProgress.projectId, ids), eq(projectProgress.period, '2021-02')));
    expect(rows).toEqual([]);
  });

  it('explains every figure the checks flagged', () => {
    const flagged = draft.lines.filter((l) => l.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((l) => !l.note)).toEqual([]);
  });
});

describe('the other February reports', () => {
  it('规划建设局 was returned by the office with a reason on its 路桥 line', async () => {
    const r = await detail(office, byUnit(february, '规划建设局'));
    expect(r).toMatchObject({ state: 'returned', returnedLineCount: 1, returnComment: '请核实路桥工程开复工数后重新提交' });
    const returned = r.lines.filter((l: ReportLine) => l.returnReason);
    expect(returned.map((l) => [l.kind, l.itemTitle, l.returnReason])).toEqual([['item', '提升城市建设品质', '路桥工程开复工数与项目库不一致，请核实']]);
    expect(returned[0]!.note).toContain('开复工路桥工程5个');
  });

  it('科技创新局 awaits the office and 农业农村局 its head, with the figures the plan already counts', async () => {
    const kjj = await detail(office, byUnit(february, '科技创新局'));
    expect(kjj.lines.find((l) => l.code === 'INCUB-2021')).toMatchObject({ value: '3.4', previous: '2.0', filled: true });
    const nyj = await detail(office, byUnit(february, '农业农村局'));
    expect(nyj.lines.find((l) => l.code === 'FARM-2021')).toMatchObject({ value: '800', previous: '700' });
  });

  it('the accepted ones wrote their report into the accepted values, progress and item notes', async () => {
    const { db } = t.database;
    const syj = byUnit(february, '社会事业局');
    const jobs = await db.select().from(indicatorValue).innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId)).where(and(eq(indicator.code, 'JOBS-2021'), eq(indicatorValue.period, '2021-02')));
    expect(jobs[0]!.indicator_value).toMatchObject({ reviewState: 'accepted', reportId: syj.id, value: '290' });
    const notes = await db.select().from(itemProgressNote).where(eq(itemProgressNote.reportId, syj.id));
    expect(notes.length).toBe((await detail(office, syj)).lines.filter((l) => l.kind === 'item').length);
    const jan = await db.select().from(projectProgress).where(and(eq(projectProgress.period, '2021-01'), isNotNull(projectProgress.reportId)));
    expect(new Set(jan.map((r) => r.reportId)).size).toBeGreaterThan(5);
    expect(january.map((r) => r.id)).toEqual(expect.arrayContaining([...new Set(jan.map((r) => r.reportId!))]));
  });
});

describe('the plan as of 2021-03-15', () => {
  // seed-plan.test.ts's documented statuses; INV-2021's February awaits 经济发展局's report (asserted below).
  const intended: Record<string, Status> = {
    'PROJ-2021': 'yellow', 'PROJINV-2021': 'green', 'SODA-2021': 'nodata',
    'COMPLEX-2021': 'green', 'INCUB-2021': 'yellow', 'ENT-2021': 'green', 'HNTE-2021': 'green', 'TSME-2021': 'yellow',
    'ROAD-2021': 'red', 'FARM-2021': 'green', 'SHELL-2021': 'green', 'VPLAN-2021': 'nodata', 'LIVE-2021': 'green',
    'TRAIN-2021': 'done', 'JOBS-2021': 'yellow',
    'S-RANK-2020': 'done', 'S-TORCH-2020': 'done', 'S-CLUSTER-2020': 'done',
    'CL-MN-2021': 'green', 'CL-EQ-2021': 'red', 'CL-MR-2021': 'green', 'CL-MM-2021': 'yellow',
  };
  type Listed = { code: string; evaluation: { actual: string | null; status: Status; month: number } };
  const evaluations = async () => (await get<{ items: Listed[] }>(office, '/api/v1/indicators')).items;

  it('leaves every other indicator’s status as documented, and counts only January of INV-2021', async () => {
    const list = await evaluations();
    expect(Object.fromEntries(list.filter((i) => i.code !== 'INV-2021').map((i) => [i.code, i.evaluation.status]))).toEqual(intended);
    expect(list.find((i) => i.code === 'INV-2021')!.evaluation).toMatchObject({ month: 2, actual: '4' });
  });

  // Known gap, not the seed's: core projectIndicatorSeries gives a month without any accepted progress the
  // value 0 (INV-2021 red at 4 of 8.33) where the story wants it missing (nodata). Remove `.fails` once it does.
  it('shows INV-2021 as nodata while February’s industrial progress is not accepted', async () => {
    expect((await evaluations()).find((i) => i.code === 'INV-2021')!.evaluation.status).toBe('nodata');
  });
});

describe('notifications', () => {
  type Page = { items: Notification[]; total: number };

  it('reminded 经济发展局’s reporter of February before and after the due date, some still unread', async () => {
    const { unread } = await get<{ unread: number }>(reporter, '/api/v1/notifications/unread-count');
    expect(unread).toBeGreaterThan(0);
    const list = (await get<Page>(reporter, '/api/v1/notifications?pageSize=100')).items;
    const jfj = byUnit(february, '经济发展局');
    const feb = list.filter((n) => n.params.period === '2021-02');
    expect(feb.map((n) => n.kind).sort()).toEqual(['due_soon', 'due_soon', 'overdue', 'remind']);
    expect(feb.every((n) => n.link === `/reports/${jfj.id}` && n.params.unitName === '经济发展局')).toBe(true);
    expect(feb.find((n) => n.kind === 'overdue')).toMatchObject({ readAt: null, params: { days: 1, dueDate: '2021-03-10' } });
    expect(list.filter((n) => n.readAt !== null).length).toBeGreaterThan(0);
    expect(list.find((n) => n.kind === 'accepted')).toMatchObject({ params: { period: '2021-01' } });
  });

  it('tells the unit head only of 经济发展局’s reports, and the office of approved reports, 科技创新局’s still unread', async () => {
    const head = (await get<Page>(unitHead, '/api/v1/notifications?pageSize=100')).items;
    expect(head.every((n) => n.params.unitName === '经济发展局')).toBe(true);
    expect(head.filter((n) => n.kind === 'submitted').map((n) => n.params.period)).toEqual(['2021-01']);
    const unread = (await get<Page>(office, '/api/v1/notifications?unread=true&pageSize=100')).items;
    expect(unread.map((n) => [n.kind, n.params.unitName, n.params.period])).toEqual([['approved', '科技创新局', '2021-02']]);
    const all = (await get<Page>(office, '/api/v1/notifications?pageSize=100')).items;
    expect(all.filter((n) => n.kind !== 'approved')).toEqual([]);
  });

  it('has one 企业微信 robot configured but disabled, and nothing sent', async () => {
    const channels = (await get<{ items: Channel[] }>(office, '/api/v1/notification-channels')).items;
    expect(channels).toEqual([expect.objectContaining({ kind: 'wecom', name: '目标办工作群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo', enabled: false, hasSecret: false })]);
    expect((await get<{ total: number }>(office, '/api/v1/deliveries')).total).toBe(0);
  });
});
