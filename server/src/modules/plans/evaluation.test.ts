import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { zone } from '../zones/zones.table.js';
import { indicator, indicatorValue } from '../indicators/indicators.table.js';
import { evaluateRow, loadSeries } from '../indicators/evaluation.js';
import { evaluatePlan } from './evaluation.service.js';
import { listItems } from './items.service.js';
import { plan, planItem } from './plans.table.js';

let t: TestApp;
let zoneId: string;
let planId: string;
const KINDS = ['amount', 'level', 'growth', 'limit', 'change'] as const;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

/** 10 聚焦 × 10 举措 × 19 任务 = 2,010 items; one indicator per 任务 with Jan–Feb values and last year's twelve months. */
beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  zoneId = (await db.select().from(zone))[0]!.id;
  const [p] = await db.insert(plan).values({ zoneId, kind: 'annual', title: '大计划', startYear: 2021, endYear: 2021, levelLabels: ['聚焦', '举措', '任务'] }).returning();
  planId = p!.id;
  const items: (typeof planItem.$inferInsert)[] = [];
  const id = () => crypto.randomUUID();
  for (let a = 0; a < 10; a++) {
    const ia = id();
    items.push({ id: ia, zoneId, planId, parentId: null, position: a, code: `${a + 1}`, title: `聚焦${a + 1}` });
    for (let b = 0; b < 10; b++) {
      const ib = id();
      items.push({ id: ib, zoneId, planId, parentId: ia, position: b, code: `${a + 1}.${b + 1}`, title: `举措${b + 1}` });
      for (let c = 0; c < 19; c++) items.push({ id: id(), zoneId, planId, parentId: ib, position: c, code: `${a + 1}.${b + 1}.${c + 1}`, title: `任务${c + 1}` });
    }
  }
  await insertChunks(items.filter((i) => !i.parentId), (c) => db.insert(planItem).values(c));
  await insertChunks(items.filter((i) => i.parentId && i.code!.split('.').length === 2), (c) => db.insert(planItem).values(c));
  const leaves = items.filter((i) => i.code!.split('.').length === 3);
  await insertChunks(leaves, (c) => db.insert(planItem).values(c));
  const inds = leaves.map((leaf, n) => {
    const kind = KINDS[n % KINDS.length]!;
    return { id: id(), zoneId, itemId: leaf.id!, code: `I${n}`, name: `指标${n}`, kind, unitOfMeasure: '个', year: 2021, baseline: '100', target: kind === 'growth' ? '7' : kind === 'change' ? '5' : '120', limitMode: kind === 'limit' ? 'at_most' : null };
  });
  await insertChunks(inds, (c) => db.insert(indicator).values(c));
  const values = inds.flatMap((ind, n) => [
    { zoneId, indicatorId: ind.id, period: '2021-01', value: String(90 + (n % 20)) },
    { zoneId, indicatorId: ind.id, period: '2021-02', value: String(95 + (n % 17)) },
    ...Array.from({ length: 12 }, (_, m) => ({ zoneId, indicatorId: ind.id, period: `2020-${String(m + 1).padStart(2, '0')}`, value: String(8 + m) })),
  ]);
  await insertChunks(values, (c) => db.insert(indicatorValue).values(c));
}, 300_000);
afterAll(() => t.close());

// How fast this runs is measured by the benchmarks, not here: this checks that a plan of a real
// province's size is judged completely and listed in tree order.
describe('evaluating a large plan', () => {
  it('judges all 2,010 items and 1,900 indicators (26,600 values) and lists them in tree order', async () => {
    const db = t.database.db;
    const ev = await evaluatePlan(db, zoneId, planId);
    expect(ev.items).toHaveLength(2010);
    expect(ev.evaluations.size).toBe(1900);
    expect(ev.results.get(planId)!.progress).not.toBeNull();
    const statuses = new Set([...ev.evaluations.values()].map((e) => e.status));
    expect(statuses.size).toBeGreaterThan(1);
    const page = await listItems(db, zoneId, planId, { page: 1, pageSize: 5000 });
    expect(page.total).toBe(2010);
    expect(page.items[0]!.code).toBe('1');
    expect(page.items[2]!.code).toBe('1.1.1');
    expect((await db.select().from(planItem).where(eq(planItem.planId, planId))).length).toBe(2010);
  });
});

// A plan is judged without the year-end forecast and without the year before's values (only the
// forecast reads them): the statuses, ratios and figures are those of the full evaluation.
describe('judging a plan without the forecast', () => {
  it('gives every indicator of the demo plans the full evaluation’s status, ratio and figures', async () => {
    const db = t.database.db;
    const asOf = (await db.select().from(zone).where(eq(zone.id, zoneId)))[0]!.asOfDate;
    const plans = (await db.select().from(plan).where(eq(plan.zoneId, zoneId))).filter((p) => p.id !== planId);
    expect(plans.length).toBeGreaterThan(0);
    // Formulas over a reported and a project-driven indicator, one of them of another year (it reads the year before).
    const inds = await db.select().from(indicator).where(eq(indicator.zoneId, zoneId));
    const reported = inds.find((i) => i.source === 'reported' && i.kind === 'amount' && i.year === 2021)!;
    const driven = inds.find((i) => i.source === 'projects')!;
    const common = { zoneId, itemId: reported.itemId, kind: 'amount', unitOfMeasure: reported.unitOfMeasure, target: '100', source: 'formula' };
    await db.insert(indicator).values([
      { ...common, code: 'F-SUM', name: '合计', year: 2021, formula: `[${reported.code}] + [${driven.code}]` },
      { ...common, code: 'F-PREV', name: '上年', year: 2020, formula: `[${reported.code}] * 2` },
    ]);
    let sources = new Set<string>();
    for (const p of plans) {
      const ev = await evaluatePlan(db, zoneId, p.id);
      const full = await loadSeries(db, zoneId, ev.indicators, p.id, asOf);
      sources = new Set([...sources, ...ev.indicators.map((r) => r.source)]);
      for (const r of ev.indicators) {
        const { forecast: _f, atRisk: _a, ...expected } = evaluateRow(r, full, asOf, p.thresholds);
        expect({ ...ev.evaluations.get(r.id)!, forecast: undefined, atRisk: undefined }, r.code).toEqual({ ...expected, forecast: undefined, atRisk: undefined });
      }
    }
    expect([...sources].sort()).toEqual(['formula', 'projects', 'reported']);
  });
});
