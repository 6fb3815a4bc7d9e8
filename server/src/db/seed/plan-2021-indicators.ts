import type { ProjectFilter } from '@lantu/core';
import { type SeedIndicator, months } from './plan-types.js';

/*
 * The 2021 work plan's indicators, one per number on the seed page (the table is at the top of
 * plan-2021-data.ts), with the Jan–Feb values the zone had accepted by its business date 2021-03-15.
 * Intended status at month 2 is noted on each; server/test/seed-plan.test.ts checks them.
 */

const ind = (i: SeedIndicator) => ({ isPublic: true, ...i });

/**
 * Indicators computed from the project registry (source `projects`, projects-*.ts): they store no values.
 * PROJ, PROJINV and INV count and sum the 43 industrial projects of 2021, ROAD the 15 路桥 works, COMPLEX
 * the six 科技综合体 — each from the month a project reached 开工 where the filter says so.
 */
export const PROJECT_FILTERS: Record<string, ProjectFilter> = {
  'PROJ-2021': { measure: 'count', categories: ['industry'], stageReached: 'started', year: 2021 },
  'PROJINV-2021': { measure: 'total_investment', categories: ['industry'], year: 2021 },
  'INV-2021': { measure: 'completed_investment', categories: ['industry'], year: 2021 },
  'ROAD-2021': { measure: 'count', categories: ['infrastructure'], stageReached: 'started', year: 2021 },
  'COMPLEX-2021': { measure: 'count', categories: ['innovation'], stageReached: 'started', year: 2021 },
};

/**
 * nodata until 经济发展局's February report (a late draft in the demo) is accepted: January's 4.0 is in;
 * then green at 4.0 + 4.5 = 8.5 of 8.33 expected (January mostly 蒙牛常温发酵酸奶's equipment, February also 中轴's land).
 */
export const INV = ind({
  code: 'INV-2021', name: '新上、续建工业项目完成投资', kind: 'amount', unit: '亿元', year: 2021, target: '50', reportingUnit: 'JFJ',
  sourceText: '2021年完成投资50亿元',
  values: [],
});

/** yellow: 25 then 27 of 43 under way (24 续建, one new start in January, two in February), 27.17 expected (r 0.947). */
export const PROJ = ind({
  code: 'PROJ-2021', name: '新上、续建工业项目开复工数', kind: 'level', unit: '个', year: 2021, baseline: '24', target: '43', reportingUnit: 'JFJ',
  sourceText: '抓好新上、续建的43个工业项目',
  values: [],
});

/** green: the 43 projects' total investment held at 98亿元 (a scope that must not shrink). */
export const PROJINV = ind({
  code: 'PROJINV-2021', name: '新上、续建工业项目总投资', kind: 'level', unit: '亿元', year: 2021, baseline: '98', target: '98', reportingUnit: 'JFJ',
  sourceText: '总投资98亿元',
  values: [],
});

/** Annual, owed in December: nothing is due at month 2 (the arithmetic reports it as nodata). */
export const SODA = ind({
  code: 'SODA-2021', name: '明仁高端苏打水项目形成年产能', kind: 'level', unit: '亿瓶', year: 2021, baseline: '0', target: '3', frequency: 'annual', reportingUnit: 'JFJ',
  sourceText: '明仁年产3亿瓶高端苏打水等项目投产',
  values: [],
});

/** green: all six complexes under way (held). */
export const COMPLEX = ind({
  code: 'COMPLEX-2021', name: '加快建设的科技综合体', kind: 'level', unit: '个', year: 2021, baseline: '6', target: '6', reportingUnit: 'KJJ',
  sourceText: '中德科技园等6个科技综合体建设',
  values: [],
});

/** yellow: 5.4 of 5.83 expected (r 0.926). */
export const INCUB = ind({
  code: 'INCUB-2021', name: '新增孵化面积', kind: 'amount', unit: '万平方米', year: 2021, target: '35', reportingUnit: 'KJJ',
  sourceText: '全年力争新增孵化面积35万平方米',
  values: months(2021, ['2.0', '3.4'], { 1: '创基智谷二期孵化楼交付2.0万平方米', 2: '河南理工大学科技园A区交付3.4万平方米；科技总部新城主体封顶，预计二季度交付' }),
});

/** green: 17 of 16.7 expected; trend 100.8. */
export const ENT = ind({
  code: 'ENT-2021', name: '科技综合体新增入驻企业', kind: 'amount', unit: '家', year: 2021, target: '100', reportingUnit: 'KJJ',
  sourceText: '入驻企业100',
  values: months(2021, ['8', '9'], { 1: '新增入驻企业8家', 2: '新增入驻企业9家，其中数字经济产业园5家' }),
});

/** green: +14.1% against 稳定增长 (≥ 0). */
export const HNTE = ind({
  code: 'HNTE-2021', name: '国家高新技术企业数量增长', kind: 'growth', unit: '%', year: 2021, target: '0', reportingUnit: 'KJJ',
  sourceText: '保持国家高新技术企业、国家科技型中小企业数量稳定增长',
  values: [
    { period: '2021-01', value: '14.29', currentAmount: '96', lastYearAmount: '84', note: '有效期内国家高新技术企业96家，上年同期84家' },
    { period: '2021-02', value: '14.12', currentAmount: '97', lastYearAmount: '85', note: '有效期内国家高新技术企业97家，上年同期85家' },
  ],
});

/** yellow: −0.79% (January −1.56%), within a point of 稳定增长. */
export const TSME = ind({
  code: 'TSME-2021', name: '国家科技型中小企业入库数量增长', kind: 'growth', unit: '%', year: 2021, target: '0', reportingUnit: 'KJJ',
  sourceText: '保持国家高新技术企业、国家科技型中小企业数量稳定增长',
  values: [
    { period: '2021-01', value: '-1.56', currentAmount: '63', lastYearAmount: '64', note: '1月评价入库63家，上年同期64家' },
    { period: '2021-02', value: '-0.79', currentAmount: '126', lastYearAmount: '127', note: '1-2月评价入库126家，较上年同期少1家；第二批评价材料正在审核' },
  ],
});

/** red: still the 4 续建 works (winter, then 春节), 5.83 expected (r 0); the 11 new ones start in late March. */
export const ROAD = ind({
  code: 'ROAD-2021', name: '开复工路桥基础设施工程', kind: 'level', unit: '个', year: 2021, baseline: '4', target: '15', reportingUnit: 'GJJ',
  sourceText: '加快推进山阳路南及跨大沙河桥等15个路桥基础设施工程',
  values: [],
});

/** green: 1,500 of 1,000亩 expected; 2020's winter-heavy profile. */
export const FARM = ind({
  code: 'FARM-2021', name: '新建高标准良田', kind: 'amount', unit: '亩', year: 2021, target: '6000', reportingUnit: 'NYJ',
  sourceText: '新建高标准良田6000亩',
  values: [
    ...months(2020, ['600', '300', '800', '700', '200', '100', '0', '0', '0', '500', '900', '900'], { 12: '2020年建成高标准良田5000亩' }),
    ...months(2021, ['700', '800'], { 1: '利用冬春农闲，阳庙镇片区完成700亩', 2: '苏家作乡片区完成800亩，累计1500亩' }),
  ],
});

/** green: 2 空壳村 left of 3, 2.5 expected. */
export const SHELL = ind({
  code: 'SHELL-2021', name: '集体经济“空壳村”', kind: 'level', direction: 'decrease', unit: '个', year: 2021, baseline: '3', target: '0', reportingUnit: 'NYJ',
  sourceText: '实现集体经济“空壳村”清零',
  values: months(2021, ['3', '2'], { 1: '空壳村3个，均已制定一村一策', 2: '1个村通过土地流转服务取得集体经营性收入，退出空壳村' }),
});

/** nodata: January reported, February missing. */
export const VPLAN = ind({
  code: 'VPLAN-2021', name: '有条件有需求的村庄实用性村庄规划编制率', kind: 'level', unit: '%', year: 2021, baseline: '40', target: '100', reportingUnit: 'ZRJ',
  sourceText: '到2021年年底，有条件有需求的村庄实现应编尽编',
  values: months(2021, ['45'], { 1: '已编制完成9个村，共20个有条件有需求的村' }),
});

/** green on a custom curve (2 done, 1 due by February; the trend, which ignores the curve, reaches 12). */
export const LIVE = ind({
  code: 'LIVE-2021', name: '完成民生实事', kind: 'amount', unit: '件', year: 2021, target: '10', reportingUnit: 'SYJ',
  curve: [0, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  sourceText: '办好十件民生实事',
  values: months(2021, ['1', '1'], { 1: '农村冬季清洁取暖改造完成，第1件销号', 2: '文昌街道社区卫生服务站改造投用，第2件销号' }),
});

/** done: 950 person-times in 春风行动, the year's 900 reached. */
export const TRAIN = ind({
  code: 'TRAIN-2021', name: '就业创业培训', kind: 'amount', unit: '人次', year: 2021, target: '900', reportingUnit: 'SYJ',
  sourceText: '开展就业创业培训900人次以上',
  values: months(2021, ['420', '530'], { 1: '春风行动返乡农民工技能培训420人次', 2: '电商、家政、焊工等培训530人次，全年任务提前完成' }),
});

/** yellow: 600 of 667 expected (r 0.9); 2020 has its months (COVID February). */
export const JOBS = ind({
  code: 'JOBS-2021', name: '城镇新增就业', kind: 'amount', unit: '人', year: 2021, target: '4000', reportingUnit: 'SYJ',
  sourceText: '城镇新增就业4000人以上',
  values: [
    ...months(2020, ['360', '120', '280', '330', '380', '390', '410', '360', '400', '330', '370', '390'], { 2: '疫情影响，企业延迟复工', 12: '2020年城镇新增就业4120人' }),
    ...months(2021, ['310', '290'], { 1: '城镇新增就业310人', 2: '城镇新增就业290人；春节后企业招工尚未集中开展' }),
  ],
});
