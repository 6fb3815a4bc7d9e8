import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type ProjectFilter, type ProjectJudgement, type ProjectStage, type ReportDetail, type UnitReport, judgeProject, projectIndicatorSeries } from '@lantu/core';
import type { Database } from '../src/db/client.js';
import { DEMO_ZONE_CODE } from '../src/db/seed/seed.js';
import { JFJ_EMPTY_LINES } from '../src/db/seed/reporting-story.js';
import { zone } from '../src/modules/zones/zones.table.js';
import { unit } from '../src/modules/units/units.table.js';
import { appUser } from '../src/modules/users/users.table.js';
import { indicator, indicatorValue } from '../src/modules/indicators/indicators.table.js';
import { project, projectMilestone, projectProblem, projectProgress } from '../src/modules/projects/projects.table.js';
import { loadProjectFacts } from '../src/modules/projects/series.js';
import { reportCycle, reportLine, unitReport } from '../src/modules/reporting/reporting.table.js';
import { type Session, type TestApp, login, testApp, testDatabase } from './helpers.js';

const PAGE = path.resolve(import.meta.dirname, '../../../shared/seed/jiaozuo-hitech-zone-2021-03-15.txt');

type Project = typeof project.$inferSelect;
let database: Database;
let zoneId: string;
let asOf: string;
let projects: Project[];
let milestones: (typeof projectMilestone.$inferSelect)[];
let progress: (typeof projectProgress.$inferSelect)[];
let problems: (typeof projectProblem.$inferSelect)[];
let unitCode: Map<string, string>;
/** February progress of the projects 经济发展局 leads: in its draft report, the empty lines at the journey's figures. */
let pendingFebruary: Map<string, number>;

beforeAll(async () => {
  database = await testDatabase();
  const { db } = database;
  const [z] = await db.select().from(zone).where(eq(zone.code, DEMO_ZONE_CODE));
  [zoneId, asOf] = [z!.id, z!.asOfDate];
  projects = await db.select().from(project).where(eq(project.zoneId, zoneId));
  milestones = await db.select().from(projectMilestone).where(eq(projectMilestone.zoneId, zoneId));
  progress = await db.select().from(projectProgress).where(eq(projectProgress.zoneId, zoneId));
  problems = await db.select().from(projectProblem).where(eq(projectProblem.zoneId, zoneId));
  unitCode = new Map((await db.select().from(unit).where(eq(unit.zoneId, zoneId))).map((u) => [u.id, u.code]));
  const draft = await db
    .select({ projectId: reportLine.projectId, value: reportLine.completedInvestment })
    .from(reportLine)
    .innerJoin(unitReport, eq(unitReport.id, reportLine.reportId))
    .innerJoin(reportCycle, eq(reportCycle.id, unitReport.cycleId))
    .where(and(eq(reportCycle.period, '2021-02'), eq(unitReport.state, 'draft'), eq(reportLine.kind, 'project')));
  const journey = new Map<string, number>(JFJ_EMPTY_LINES.map((e) => [e.code, e.completedInvestment]));
  pendingFebruary = new Map(draft.map((l) => [l.projectId!, l.value ?? journey.get(projects.find((p) => p.id === l.projectId)!.code)!]));
});
afterAll(() => database.close());

const byName = (name: string) => projects.find((p) => p.name.includes(name))!;
const of = (category: string) => projects.filter((p) => p.category === category && p.year === 2021);
const actualOf = (p: Project, stage: ProjectStage) => milestones.find((m) => m.projectId === p.id && m.stage === stage)?.actualDate ?? null;
const plannedOf = (p: Project, stage: ProjectStage) => milestones.find((m) => m.projectId === p.id && m.stage === stage)?.plannedDate ?? null;
const startedBy = (list: Project[], date: string) => list.filter((p) => (actualOf(p, 'started') ?? '9999') <= date);
const completedIn = (list: Project[], period: string) =>
  progress.filter((r) => r.period === period && r.reviewState === 'accepted' && list.some((p) => p.id === r.projectId)).reduce((s, r) => s + r.completedInvestment, 0);
const sum = (list: Project[], f: (p: Project) => number) => list.reduce((s, p) => s + f(p), 0);
const pendingIn = (list: Project[]) => list.reduce((s, p) => s + (pendingFebruary.get(p.id) ?? 0), 0);

/**
 * A project's status as the registry's arithmetic judges it at the business date (judged month 2) once
 * 经济发展局's February report is accepted (its February progress is still in the draft).
 */
function judged(p: Project): ProjectJudgement {
  const ms = milestones.filter((m) => m.projectId === p.id).map((m) => ({ stage: m.stage as ProjectStage, plannedDate: m.plannedDate, actualDate: m.actualDate }));
  const yearToDate = completedIn([p], '2021-01') + completedIn([p], '2021-02') + pendingIn([p]);
  return judgeProject({ stage: p.stage as ProjectStage, milestones: ms, annualInvestment: p.annualInvestment, yearToDate }, asOf, 2);
}

describe('the 43 industrial projects of 2021', () => {
  it('total 98亿元 of investment with 50亿元 planned for 2021, led by 经济发展局 under 王志远', async () => {
    const industry = of('industry');
    expect(industry).toHaveLength(43);
    expect(sum(industry, (p) => p.totalInvestment)).toBe(980_000);
    expect(sum(industry, (p) => p.annualInvestment)).toBe(500_000);
    expect(new Set(industry.map((p) => unitCode.get(p.leadUnitId!)))).toEqual(new Set(['JFJ']));
    const [leader] = await database.db.select().from(appUser).where(eq(appUser.username, 'leader'));
    expect(industry.every((p) => p.leaderId === leader!.id)).toBe(true);
  });

  it('are 24 续建 and 19 新上: 25 under way at the end of January, 27 at the end of February', () => {
    const industry = of('industry');
    expect(startedBy(industry, '2020-12-31')).toHaveLength(24);
    expect(startedBy(industry, '2021-01-31')).toHaveLength(25);
    expect(startedBy(industry, '2021-02-28')).toHaveLength(27);
    const slipped = industry.filter((p) => !actualOf(p, 'started') && (plannedOf(p, 'started') ?? '').startsWith('2021-02'));
    expect(slipped).toHaveLength(3);
  });

  it('completed 4.0亿元 in January and 4.5亿元 in February (still in 经济发展局’s draft), mostly 蒙牛常温发酵酸奶 equipment and 中轴 land', () => {
    const industry = of('industry');
    expect(completedIn(industry, '2021-01')).toBe(40_000);
    expect(completedIn(industry, '2021-02')).toBe(0);
    expect(pendingIn(industry)).toBe(45_000);
    const mengniu = byName('常温发酵酸奶');
    const jan = progress.filter((r) => r.period === '2021-01' && industry.some((p) => p.id === r.projectId)).sort((a, b) => b.completedInvestment - a.completedInvestment);
    expect(jan[0]!.projectId).toBe(mengniu.id);
    expect(pendingIn([byName('中轴智能制造产业园')])).toBeGreaterThan(completedIn([byName('中轴智能制造产业园')], '2021-01'));
  });

  it('carries every 续建 project’s investment up to the end of 2020, and 形象进度 for every month', () => {
    for (const p of startedBy(of('industry'), '2020-12-31')) {
      expect(progress.some((r) => r.projectId === p.id && r.period < '2021-01' && r.completedInvestment > 0), p.name).toBe(true);
    }
    expect(progress.filter((r) => !r.imageProgress)).toEqual([]);
    expect(progress.every((r) => r.reviewState === 'accepted')).toBe(true);
  });
});

describe('the other projects the page names', () => {
  it('has the 15 路桥 works (4 续建 under way, 11 starting in late March) and the six 科技综合体 under way', () => {
    const roads = of('infrastructure');
    expect(roads).toHaveLength(15);
    expect(roads.every((p) => unitCode.get(p.leadUnitId!) === 'GJJ')).toBe(true);
    expect(startedBy(roads, asOf)).toHaveLength(4);
    const waiting = roads.filter((p) => !actualOf(p, 'started'));
    expect(waiting.every((p) => plannedOf(p, 'started')! > asOf && plannedOf(p, 'started')! <= '2021-03-31')).toBe(true);
    const complexes = of('innovation');
    expect(complexes.map((p) => p.name).sort()).toEqual(['中德科技园', '创业服务中心二期工程', '创基智谷', '数字经济产业园', '河南理工大学科技园', '科技总部新城'].sort());
    expect(startedBy(complexes, '2020-12-31')).toHaveLength(6);
    expect(of('urban').length + of('livelihood').length + of('agriculture').length).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(!fs.existsSync(PAGE))('quotes the page for every named project', () => {
    const norm = (s: string) => s.replace(/\s+/g, '');
    const page = norm(fs.readFileSync(PAGE, 'utf8'));
    const named = [
      '常温发酵酸奶', '年产3亿瓶高端苏打水', '中轴智能制造产业园', '天宝桓祥纳米级金刚石微粉', '蒙牛5G智慧工厂', '中方检测实验室整装产业园',
      '名泽磁业', '高森建', '智能港口散货装卸输送设备工业互联网平台', '蜂鸟无人机产业园', '桥隧机械设备生产基地',
      '河南理工大学科技园', '数字经济产业园', '创业服务中心', '科技总部新城', '创基智谷', '中德科技园',
      '山阳路南及跨大沙河桥', '阳明路', '沁泉湖公园综合水景', '街景节点绿化提升', '智慧城市', '黄河生物科技学院一期',
      '高标准良田', '文昌果蔬基地', '苏家作蔬菜基地', '休闲农业',
    ];
    expect(named.filter((n) => !page.includes(n))).toEqual([]);
    expect(named.filter((n) => !projects.some((p) => p.name.includes(n)))).toEqual([]);
  });

  it('puts 蒙牛 and 明仁 in the 投产一批 and 中轴 and 天宝桓祥 in the 开工一批', () => {
    expect(byName('常温发酵酸奶').batches).toContain('production');
    expect(byName('年产3亿瓶高端苏打水').batches).toContain('production');
    expect(byName('中轴智能制造产业园').batches).toContain('start');
    expect(byName('纳米级金刚石微粉').batches).toContain('start');
    expect(plannedOf(byName('常温发酵酸奶'), 'in_production')).toMatch(/^2021-0[6-7]/);
  });
});

describe('the registry’s data holds together', () => {
  it('places located projects inside 焦作高新区, with an address, and leaves a few unlocated', () => {
    const located = projects.filter((p) => p.lat !== null);
    expect(located.filter((p) => p.lat! < 35.19 || p.lat! > 35.27 || p.lng! < 113.18 || p.lng! > 113.33 || !p.address)).toEqual([]);
    expect(located.every((p) => p.lng !== null)).toBe(true);
    expect(projects.length - located.length).toBeGreaterThanOrEqual(2);
  });

  it('never reports more than a project’s total, nor plans more for 2021 than is left of it', () => {
    for (const p of projects) {
      const mine = progress.filter((r) => r.projectId === p.id);
      expect(mine.reduce((s, r) => s + r.completedInvestment, 0), p.code).toBeLessThanOrEqual(p.totalInvestment);
      expect(p.annualInvestment + mine.filter((r) => r.period < '2021-01').reduce((s, r) => s + r.completedInvestment, 0), p.code).toBeLessThanOrEqual(p.totalInvestment);
      expect(mine.every((r) => r.completedInvestment >= 0 && r.period <= '2021-02')).toBe(true);
    }
  });

  it('plans all six stages of every project in order, and records reached stages up to its stage and the business date', () => {
    const stages = ['planning', 'signed', 'started', 'structure_done', 'completed', 'in_production'] as const;
    for (const p of projects) {
      const planned = stages.map((s) => plannedOf(p, s));
      const actual = stages.map((s) => actualOf(p, s)).filter((d) => d !== null);
      expect(planned.every((d, i) => d !== null && (i === 0 || d >= planned[i - 1]!)), p.code).toBe(true);
      expect(actual.every((d, i) => d <= asOf && (i === 0 || d >= actual[i - 1]!)), p.code).toBe(true);
      expect(stages[actual.length - 1], p.code).toBe(p.stage);
    }
  });

  it('shows a believable mix: mostly green, some yellow, two red, a few done', () => {
    const status = new Map(projects.map((p) => [p.code, judged(p)]));
    const n = (s: string) => [...status.values()].filter((j) => j.status === s).length;
    expect(n('green')).toBeGreaterThan(n('yellow') + n('red') + n('done'));
    expect(n('yellow')).toBeGreaterThanOrEqual(5);
    expect(n('done')).toBeGreaterThanOrEqual(1);
    const red = projects.filter((p) => status.get(p.code)!.status === 'red');
    expect(red.map((p) => p.code).sort()).toEqual(['GY2021-015', 'GY2021-024']);
    expect(red.every((p) => status.get(p.code)!.overdueDays > 30)).toBe(true);
    const slipped = of('industry').filter((p) => !actualOf(p, 'started') && (plannedOf(p, 'started') ?? '').startsWith('2021-02'));
    expect(slipped.map((p) => status.get(p.code))).toEqual(slipped.map(() => expect.objectContaining({ status: 'yellow', overdueStage: 'started' })));
    expect(status.get(byName('蒙牛5G智慧工厂').code)!.status).toBe('done');
    expect(byName('常温发酵酸奶').stage).toMatch(/^(structure_done|completed)$/);
    expect(status.get(byName('常温发酵酸奶').code)!.status).toBe('green');
  });

  it('lists problems for the right units: open ones with deadlines, one overdue, one resolved; their projects stay internal', () => {
    const open = problems.filter((p) => p.state === 'open');
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(new Set(open.map((p) => unitCode.get(p.ownerUnitId)))).toEqual(new Set(['ZRJ', 'GJJ', 'QFZ']));
    for (const topic of ['环评', '施工许可', '电力增容', '土地征收']) expect(open.some((p) => p.description.startsWith(topic)), topic).toBe(true);
    expect(open.filter((p) => p.deadline! < asOf)).toHaveLength(1);
    expect(problems.filter((p) => p.state === 'resolved' && p.resolution)).toHaveLength(1);
    const withOpen = projects.filter((p) => open.some((o) => o.projectId === p.id));
    expect(withOpen.filter((p) => p.isPublic)).toEqual([]);
    expect(projects.filter((p) => p.isPublic).length).toBeGreaterThan(projects.length * 0.7);
  });
});

describe('the plan’s project indicators come from the registry', () => {
  const filters: Record<string, ProjectFilter> = {
    'PROJ-2021': { measure: 'count', categories: ['industry'], stageReached: 'started', year: 2021 },
    'PROJINV-2021': { measure: 'total_investment', categories: ['industry'], year: 2021 },
    'INV-2021': { measure: 'completed_investment', categories: ['industry'], year: 2021 },
    'ROAD-2021': { measure: 'count', categories: ['infrastructure'], stageReached: 'started', year: 2021 },
    'COMPLEX-2021': { measure: 'count', categories: ['innovation'], stageReached: 'started', year: 2021 },
  };
  // INV-2021: February's industrial progress awaits 经济发展局's report, so none of it counts yet.
  const expected: Record<string, [string, string]> = {
    'PROJ-2021': ['25', '27'], 'PROJINV-2021': ['98', '98'], 'INV-2021': ['4', '0'], 'ROAD-2021': ['4', '4'], 'COMPLEX-2021': ['6', '6'],
  };

  it('stores their filters and no values of their own, and computes the page’s January and February figures', async () => {
    const { db } = database;
    const rows = await db.select().from(indicator).where(eq(indicator.zoneId, zoneId));
    const facts = await loadProjectFacts(db, zoneId);
    for (const [code, filter] of Object.entries(filters)) {
      const row = rows.find((i) => i.code === code)!;
      expect(row, code).toMatchObject({ source: 'projects', projectFilter: filter });
      expect(await db.select().from(indicatorValue).where(eq(indicatorValue.indicatorId, row.id))).toEqual([]);
      const series = projectIndicatorSeries(facts, filter, row.kind as 'level', row.unitOfMeasure, row.year, asOf);
      // A month without any accepted progress may also have no value at all: nothing counted either way.
      expect([series.get('2021-01'), series.get('2021-02') ?? '0'], code).toEqual(expected[code]);
    }
  });
});

/** 经济发展局 completes its February report as the browser journey does: the empty lines, submit, approve, accept. */
async function completeFebruary(t: TestApp): Promise<void> {
  const [reporter, head, office] = [await login(t.app, 'reporter'), await login(t.app, 'unit_head'), await login(t.app, 'office')];
  const ok = async (s: Session, method: string, url: string, body?: unknown) => {
    const res = await s.request(method, url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const [draft] = (await ok(reporter, 'GET', '/api/v1/reports?scope=mine&state=draft')).items as UnitReport[];
  const report = (await ok(reporter, 'GET', `/api/v1/reports/${draft!.id}`)) as ReportDetail;
  for (const e of JFJ_EMPTY_LINES) {
    const line = report.lines.find((l) => l.code === e.code)!;
    expect((await ok(reporter, 'PUT', `/api/v1/reports/${report.id}/lines/${line.id}`, { completedInvestment: e.completedInvestment, version: line.version })).flags).toEqual([]);
  }
  await ok(reporter, 'POST', `/api/v1/reports/${report.id}/submit`, { version: report.version });
  await ok(head, 'POST', `/api/v1/reports/${report.id}/approve`, { version: report.version + 1 });
  await ok(office, 'POST', `/api/v1/reports/${report.id}/accept`, { version: report.version + 2 });
}

describe('through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('GET /api/v1/indicators: INV-2021 counts only January while 经济发展局’s February report is a draft', async () => {
    const leader = await login(t.app, 'leader');
    const list = (await leader.request('GET', '/api/v1/indicators')).json<{ items: { code: string; evaluation: { actual: string | null } }[] }>().items;
    expect(list.find((i) => i.code === 'INV-2021')!.evaluation.actual).toBe('4');
    await completeFebruary(t);
  });

  it('GET /api/v1/indicators, once February is accepted: PROJ-2021 yellow at 27, INV-2021 green at 8.5, PROJINV-2021 98, ROAD-2021 red', async () => {
    const leader = await login(t.app, 'leader');
    const res = await leader.request('GET', '/api/v1/indicators');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<{ items: { code: string; evaluation: { actual: string | null; status: string; atRisk: boolean } }[] }>().items;
    const ev = (code: string) => list.find((i) => i.code === code)!.evaluation;
    expect(ev('PROJ-2021')).toMatchObject({ actual: '27', status: 'yellow' });
    expect(ev('INV-2021')).toMatchObject({ actual: '8.5', status: 'green', atRisk: false });
    expect(ev('PROJINV-2021')).toMatchObject({ actual: '98', status: 'green' });
    expect(ev('ROAD-2021')).toMatchObject({ actual: '4', status: 'red' });
    expect(ev('COMPLEX-2021')).toMatchObject({ actual: '6', status: 'green' });
  });

  it('GET /api/v1/projects, once February is accepted, judges the demo projects as the registry’s arithmetic does', async () => {
    const leader = await login(t.app, 'leader');
    const res = await leader.request('GET', '/api/v1/projects?status=red&pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { code: string }[] }>().items.map((p) => p.code).sort()).toEqual(['GY2021-015', 'GY2021-024']);
    const overdue = await leader.request('GET', '/api/v1/projects?overdue=true&category=industry&pageSize=100');
    expect(overdue.json<{ total: number }>().total).toBe(5);
  });
});
