import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { type IndicatorSpec, type MonthValue, type ProjectSeriesFacts, type Status, evaluateIndicator, projectFilter, projectIndicatorSeries } from '@lantu/core';
import type { Database } from '../src/db/client.js';
import { DEMO_ZONE_CODE, seedDemo } from '../src/db/seed/seed.js';
import { DEMO_LEADERS } from '../src/db/seed/plan-leaders.js';
import { zone } from '../src/modules/zones/zones.table.js';
import { appUser, roleGrant } from '../src/modules/users/users.table.js';
import { plan, planItem, planItemAlignment, planItemCoUnit } from '../src/modules/plans/plans.table.js';
import { indicator, indicatorValue } from '../src/modules/indicators/indicators.table.js';
import { loadProjectFacts } from '../src/modules/projects/series.js';
import { testDatabase } from './helpers.js';

const PAGE = path.resolve(import.meta.dirname, '../../../shared/seed/jiaozuo-hitech-zone-2021-03-15.txt');

let database: Database;
let zoneId: string;
let asOf: string;
type Item = typeof planItem.$inferSelect;
let strategic: typeof plan.$inferSelect;
let annual: typeof plan.$inferSelect;
let items: Item[];
let indicators: (typeof indicator.$inferSelect)[];
let values: (typeof indicatorValue.$inferSelect)[];
let projectFacts: ProjectSeriesFacts[];

beforeAll(async () => {
  database = await testDatabase();
  const { db } = database;
  const [z] = await db.select().from(zone).where(eq(zone.code, DEMO_ZONE_CODE));
  zoneId = z!.id;
  asOf = z!.asOfDate;
  const plans = await db.select().from(plan).where(eq(plan.zoneId, zoneId));
  strategic = plans.find((p) => p.kind === 'strategic')!;
  annual = plans.find((p) => p.kind === 'annual')!;
  items = await db.select().from(planItem).where(eq(planItem.zoneId, zoneId));
  indicators = await db.select().from(indicator).where(eq(indicator.zoneId, zoneId));
  values = await db.select().from(indicatorValue).where(eq(indicatorValue.zoneId, zoneId));
  projectFacts = await loadProjectFacts(db, zoneId);
});
afterAll(() => database.close());

const topOf = (planId: string) => items.filter((i) => i.planId === planId && i.parentId === null).sort((a, b) => a.position - b.position);
const childrenOf = (id: string) => items.filter((i) => i.parentId === id).sort((a, b) => a.position - b.position);
const itemOf = (ind: { itemId: string }) => items.find((i) => i.id === ind.itemId)!;

describe('the demo zone has the seed page’s plans', () => {
  it('has the strategic plan "25311" and the 2021 work plan', () => {
    expect(strategic).toMatchObject({ title: '焦作高新区“25311”发展战略（2021—2035年）', startYear: 2021, endYear: 2035 });
    expect(annual).toMatchObject({ title: '焦作高新区2021年工作计划', startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '举措', '任务'] });
  });

  it('has the two 坚持, five 定位 and three-level goals as strategic items', () => {
    expect(topOf(strategic.id).map((i) => i.title)).toEqual([
      '坚持以党建高质量推动发展高质量',
      '坚持以国家高新区争先进位引领加速发展',
      '焦作城市的核心板块区',
      '科创名城的创新引领区',
      '产业名城的集聚发展区',
      '文旅名城的休闲康养区',
      '城乡融合的示范样板区',
      '全市：成为科创名城的先锋、品质焦作的标杆、城乡融合的典范',
      '全省：焦作高新区建设要有重要位置',
      '全国：焦作高新区建设要有重要影响',
    ]);
    expect(topOf(strategic.id).find((i) => i.title === '文旅名城的休闲康养区')!.description).toContain('依托大沙河这个焦作未来城市发展的中心轴');
  });

  it('has exactly the seven 聚焦 of the page, with their initiatives', () => {
    const focus = topOf(annual.id);
    expect(focus.map((i) => i.title)).toEqual([
      '聚焦实体经济 推动制造业高质量发展',
      '聚焦创新驱动 激活发展第一动力',
      '聚焦品质提升 推进城市发展高质量',
      '聚焦乡村振兴 加快农业农村现代化',
      '聚焦改革开放 持续优化营商环境',
      '聚焦群众期盼 不断增进民生福祉',
      '聚焦党建引领 夯实高质量发展根基',
    ]);
    expect(focus.map((f) => childrenOf(f.id).length)).toEqual([5, 3, 3, 3, 3, 5, 4]);
    expect(childrenOf(focus[0]!.id).map((i) => i.title)).toEqual(['纵深推进“三大改造”', '狠抓工业项目建设', '发力新基建新经济', '发展生产性服务业', '提升企业服务水平']);
    expect(childrenOf(focus[6]!.id).at(-1)!.title).toBe('完善工作机制');
    const weights = focus.reduce((s, f) => s + Number(f.weight), 0);
    expect(weights).toBe(100);
  });

  it('names the page’s projects and enterprises as tasks', () => {
    const titles = items.filter((i) => i.planId === annual.id).map((i) => i.title).join('\n');
    for (const name of ['蒙牛5G智慧工厂', '中方检测实验室整装产业园', '河南理工大学科技园', '数字经济产业园', '创业服务中心', '科技总部新城', '创基智谷', '中德科技园', '山阳路南及跨大沙河桥', '阳明路', '沁泉湖公园', '黄河生物科技学院一期', '名泽磁业', '高森建', '明仁药业', '天宝桓祥', '中轴', '迈科冶金', '蜂鸟无人机', '文昌果蔬基地', '苏家作蔬菜基地', '北京师范大学', '中原工业设计城']) {
      expect(titles, name).toContain(name);
    }
  });

  it('gives every annual item a lead unit and a 分管领导, and every initiative an alignment to the strategic plan', async () => {
    const annualItems = items.filter((i) => i.planId === annual.id);
    expect(annualItems.filter((i) => !i.leadUnitId || !i.leaderId)).toEqual([]);
    const initiatives = annualItems.filter((i) => i.code.split('.').length === 2);
    expect(initiatives).toHaveLength(26);
    const aligned = await database.db.select().from(planItemAlignment).where(eq(planItemAlignment.zoneId, zoneId));
    const strategicIds = new Set(items.filter((i) => i.planId === strategic.id).map((i) => i.id));
    expect(aligned.every((a) => strategicIds.has(a.strategicItemId))).toBe(true);
    expect(initiatives.filter((i) => !aligned.some((a) => a.itemId === i.id)).map((i) => i.title)).toEqual([]);
    const [co] = await database.db.select({ n: count() }).from(planItemCoUnit).where(eq(planItemCoUnit.zoneId, zoneId));
    expect(co!.n).toBeGreaterThan(50);
  });

  it('adds the 分管领导 as leaders of the 管委会', async () => {
    const rows = await database.db
      .select({ username: appUser.username, role: roleGrant.role, isDemo: appUser.isDemo })
      .from(appUser)
      .innerJoin(roleGrant, eq(roleGrant.userId, appUser.id))
      .where(inArray(appUser.username, DEMO_LEADERS.map((l) => l.username)));
    expect(rows).toHaveLength(DEMO_LEADERS.length);
    expect(rows.every((r) => r.role === 'leader' && r.isDemo)).toBe(true);
  });
});

describe('every number on the page is an indicator', () => {
  // [code, item title, kind, target, unit]
  const table: [string, string, string, string, string][] = [
    ['PROJ-2021', '狠抓工业项目建设', 'level', '43', '个'],
    ['PROJINV-2021', '狠抓工业项目建设', 'level', '98', '亿元'],
    ['INV-2021', '狠抓工业项目建设', 'amount', '50', '亿元'],
    ['COMPLEX-2021', '建设高层次平台载体', 'level', '6', '个'],
    ['INCUB-2021', '建设高层次平台载体', 'amount', '35', '万平方米'],
    ['ENT-2021', '建设高层次平台载体', 'amount', '100', '家'],
    ['ROAD-2021', '提升城市建设品质', 'level', '15', '个'],
    ['FARM-2021', '推动乡村产业振兴', 'amount', '6000', '亩'],
    ['TRAIN-2021', '加强就业和社保工作', 'amount', '900', '人次'],
    ['JOBS-2021', '加强就业和社保工作', 'amount', '4000', '人'],
    ['LIVE-2021', '着力办好民生实事', 'amount', '10', '件'],
    ['SODA-2021', '明仁年产3亿瓶高端苏打水项目投产', 'level', '3', '亿瓶'],
    ['SHELL-2021', '激发农村经济活力', 'level', '0', '个'],
    ['VPLAN-2021', '实施乡村建设行动', 'level', '100', '%'],
    ['HNTE-2021', '培育高能级创新主体', 'growth', '0', '%'],
    ['TSME-2021', '培育高能级创新主体', 'growth', '0', '%'],
    ['S-RANK-2020', '全国高新区排名争先进位', 'change', '8', '位'],
    ['S-TORCH-2020', '火炬统计工作连续受到科技部火炬中心表彰', 'level', '5', '年'],
    ['S-CLUSTER-2020', '产业名城的集聚发展区', 'level', '4', '个'],
    ['CL-MN-2021', '蒙牛百亿产业集群', 'amount', '100', '亿元'],
    ['CL-EQ-2021', '装备制造百亿产业集群', 'amount', '100', '亿元'],
    ['CL-MR-2021', '明仁50亿大健康产业集群', 'amount', '50', '亿元'],
    ['CL-MM-2021', '膜材料50亿产业集群', 'amount', '50', '亿元'],
  ];

  it.each(table)('%s on %s: %s %s %s', (code, title, kind, target, unit) => {
    const ind = indicators.find((i) => i.code === code);
    expect(ind, code).toBeDefined();
    expect(ind).toMatchObject({ kind, target, unitOfMeasure: unit });
    expect(itemOf(ind!).title).toBe(title);
    expect(ind!.reportingUnitId).not.toBeNull();
  });

  it('has no indicator the table above does not list', () => {
    expect(indicators.map((i) => i.code).sort()).toEqual(table.map((t) => t[0]).sort());
  });

  it('rank improves downwards, and a decrease of 空壳村 to zero', () => {
    expect(indicators.find((i) => i.code === 'S-RANK-2020')).toMatchObject({ direction: 'decrease', baseline: '109' });
    expect(indicators.find((i) => i.code === 'SHELL-2021')).toMatchObject({ direction: 'decrease', baseline: '3' });
  });

  it.skipIf(!fs.existsSync(PAGE))('quotes the page in every sourceText', () => {
    // The page's line wraps leave spaces inside words, it uses ASCII punctuation, and its OCR reads 入驻 as 人驻.
    const norm = (s: string) => s.replace(/\s+/g, '').replace(/,/g, '，').replace(/:/g, '：').replace(/["“”]/g, '"').replace(/人驻/g, '入驻');
    const page = norm(fs.readFileSync(PAGE, 'utf8'));
    expect(indicators.filter((i) => !i.sourceText || !page.includes(norm(i.sourceText))).map((i) => `${i.code}: ${i.sourceText}`)).toEqual([]);
  });
});

describe('statuses as of the zone’s business date 2021-03-15', () => {
  const intended: Record<string, Status> = {
    'INV-2021': 'nodata', 'PROJ-2021': 'yellow', 'PROJINV-2021': 'green', 'SODA-2021': 'nodata',
    'COMPLEX-2021': 'green', 'INCUB-2021': 'yellow', 'ENT-2021': 'green', 'HNTE-2021': 'green', 'TSME-2021': 'yellow',
    'ROAD-2021': 'red', 'FARM-2021': 'green', 'SHELL-2021': 'green', 'VPLAN-2021': 'nodata', 'LIVE-2021': 'green',
    'TRAIN-2021': 'done', 'JOBS-2021': 'yellow',
    'S-RANK-2020': 'done', 'S-TORCH-2020': 'done', 'S-CLUSTER-2020': 'done',
    'CL-MN-2021': 'green', 'CL-EQ-2021': 'red', 'CL-MR-2021': 'green', 'CL-MM-2021': 'yellow',
  };

  const evaluate = (ind: (typeof indicators)[number]) => {
    const y = Number(asOf.slice(0, 4));
    const month = ind.year < y ? 12 : ind.year > y ? 0 : Number(asOf.slice(5, 7)) - 1;
    // Indicators of source `projects` store no values: theirs are computed from the project registry.
    const computed = ind.source === 'projects' ? projectIndicatorSeries(projectFacts, projectFilter.parse(ind.projectFilter), ind.kind as IndicatorSpec['kind'], ind.unitOfMeasure, ind.year, asOf) : null;
    const stored = values.filter((v) => v.indicatorId === ind.id && v.reviewState === 'accepted').map((v) => [v.period, v.value] as const);
    const of = (year: number): MonthValue[] =>
      [...(computed ?? stored)].filter(([period]) => period.startsWith(`${year}-`)).map(([period, value]) => ({ month: Number(period.slice(5)), value }));
    const spec: IndicatorSpec = {
      kind: ind.kind as IndicatorSpec['kind'], direction: ind.direction as IndicatorSpec['direction'], baseline: ind.baseline, target: ind.target,
      curve: ind.curve, frequency: ind.frequency as IndicatorSpec['frequency'],
    };
    const lastYear = of(ind.year - 1);
    return evaluateIndicator(spec, of(ind.year), month, lastYear.length ? lastYear : undefined);
  };

  it('judges 2021 indicators at month 2 (Jan–Feb values)', () => {
    expect(asOf).toBe('2021-03-15');
    // February's industrial progress waits in 经济发展局's draft report: only January is accepted.
    expect(evaluate(indicators.find((i) => i.code === 'INV-2021')!)).toMatchObject({ month: 2, actual: '4', status: 'nodata' });
  });

  it('gives each indicator its intended status', () => {
    expect(Object.fromEntries(indicators.map((i) => [i.code, evaluate(i).status]))).toEqual(intended);
  });

  it('shows a believable mix: mostly green, some yellow, a few red, one done early, one February missing, one green at risk', () => {
    const evals = indicators.map((i) => ({ code: i.code, year: i.year, ...evaluate(i) }));
    const n = (s: Status) => evals.filter((e) => e.status === s).length;
    expect(n('green')).toBeGreaterThan(n('yellow') + n('red'));
    expect(n('yellow')).toBeGreaterThanOrEqual(2);
    expect(n('red')).toBeGreaterThanOrEqual(2);
    expect(n('red')).toBeLessThanOrEqual(3);
    expect(evals.filter((e) => e.status === 'done' && e.year === 2021).map((e) => e.code)).toEqual(['TRAIN-2021']);
    expect(evals.filter((e) => e.status === 'nodata' && e.month === 2).map((e) => e.code)).toEqual(['INV-2021', 'VPLAN-2021']);
    const atRisk = evals.filter((e) => e.atRisk);
    expect(atRisk.map((e) => e.code)).toEqual(['CL-MN-2021']);
    expect(Number(atRisk[0]!.forecast)).toBeLessThan(100);
  });

  it('gives 2–3 amount indicators last year’s months for the seasonal forecast, and every monthly 2021 indicator Jan and Feb', () => {
    const withLastYear = indicators.filter((i) => values.some((v) => v.indicatorId === i.id && v.period.startsWith(`${i.year - 1}-`)));
    expect(withLastYear.every((i) => i.kind === 'amount')).toBe(true);
    expect(withLastYear.length).toBeGreaterThanOrEqual(2);
    expect(withLastYear.length).toBeLessThanOrEqual(3);
    const monthly = indicators.filter((i) => i.year === 2021 && i.frequency === 'monthly' && i.code !== 'VPLAN-2021' && i.source === 'reported');
    for (const i of monthly) {
      const periods = values.filter((v) => v.indicatorId === i.id).map((v) => v.period);
      expect(periods, i.code).toEqual(expect.arrayContaining(['2021-01', '2021-02']));
    }
    expect(values.every((v) => v.reviewState === 'accepted')).toBe(true);
    expect(values.filter((v) => v.period.startsWith('2021-') && !v.note)).toEqual([]);
  });
});

describe('seeding', () => {
  it('is a no-op the second time', async () => {
    const { db } = database;
    const counts = async () =>
      Promise.all([plan, planItem, indicator, indicatorValue, planItemAlignment, appUser].map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
    const before = await counts();
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
