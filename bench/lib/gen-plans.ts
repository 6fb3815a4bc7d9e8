import type { ZoneCtx } from './gen-org.js';
import { type IndicatorSpec, writeIndicators } from './gen-indicators.js';
import { PLAN_YEAR } from './sizes.js';

/** A zone's plans: the 2021–2035 strategic plan and the 2021 work plan (4-level trees), plus the import target. */

const LEVEL_LABELS = ['定位', '聚焦', '举措', '任务'];
const VERBS = ['推进', '实施', '加快', '完善', '建设', '培育', '提升', '深化'];
const TOPICS = ['产业园区', '科技创新', '招商引资', '营商环境', '城市更新', '生态环境', '民生保障', '数字经济', '人才引育', '开放合作', '乡村振兴', '安全生产'];
const ENDINGS = ['工程', '行动', '专项', '计划', '攻坚'];

export interface PlanFacts {
  strategicId: string;
  annualId: string;
  importPlanId: string;
  items: number;
  indicators: number;
  values: number;
}

interface Item {
  id: string;
  code: string;
  depth: number;
  leaf: boolean;
}

/** Items per level for a 4-level tree of n items: about 1 : 5 : 20 : 94. */
function levelCounts(n: number): number[] {
  const l1 = Math.max(1, Math.round(n / 120));
  const l2 = Math.min(Math.max(l1, Math.round(n / 24)), n - l1);
  const l3 = Math.min(Math.max(l2, Math.round(n / 6)), n - l1 - l2);
  return [l1, l2, l3, n - l1 - l2 - l3];
}

async function writePlan(c: ZoneCtx, kind: 'strategic' | 'annual', title: string, startYear: number, endYear: number): Promise<string> {
  const id = c.rng.uuid();
  await c.w.add('plan', {
    id, zone_id: c.zoneId, kind, title, description: null, start_year: startYear, end_year: endYear, level_labels: LEVEL_LABELS, thresholds: {}, status: 'active',
    is_public: kind === 'strategic', created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
  });
  return id;
}

/** Writes a plan's item tree breadth-first (parents before children), positions and codes consistent. */
async function writeTree(c: ZoneCtx, planId: string, n: number, dates: [string, string]): Promise<Item[]> {
  const counts = levelCounts(n);
  const items: Item[] = [];
  let parents: Item[] = [];
  for (let depth = 1; depth <= counts.length; depth++) {
    const count = counts[depth - 1]!;
    const level: Item[] = [];
    const childCount = new Map<string, number>();
    for (let j = 0; j < count; j++) {
      const parent = parents.length ? parents[Math.floor((j * parents.length) / count)]! : null;
      const key = parent?.id ?? '';
      const position = childCount.get(key) ?? 0;
      childCount.set(key, position + 1);
      const code = parent ? `${parent.code}.${position + 1}` : String(position + 1);
      const leadUnitId = c.rng.pick(c.units);
      const leaf = depth === counts.length || count === 0;
      const manual = leaf && c.rng.chance(0.03);
      const item: Item = { id: c.rng.uuid(), code, depth, leaf };
      await c.w.add('plan_item', {
        id: item.id, zone_id: c.zoneId, plan_id: planId, parent_id: parent?.id ?? null, position, code,
        title: `${c.rng.pick(VERBS)}${c.rng.pick(TOPICS)}${c.rng.pick(ENDINGS)}（${code}）`, description: null,
        lead_unit_id: leadUnitId, leader_id: c.rng.pick(c.leaders), owner_id: c.ownerOf.get(leadUnitId) ?? null,
        weight: c.rng.chance(0.2) ? '2' : '1', start_date: dates[0], due_date: dates[1],
        progress_method: manual ? 'manual' : leaf ? 'indicators' : 'children', manual_progress: manual ? String(c.rng.int(20, 100)) : null,
        is_public: c.rng.chance(0.3), created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
      });
      if (c.rng.chance(0.15)) {
        const co = c.rng.pick(c.units);
        if (co !== leadUnitId) await c.w.add('plan_item_co_unit', { item_id: item.id, unit_id: co, zone_id: c.zoneId });
      }
      level.push(item);
    }
    // A level with no items (a tiny tree) ends the tree; the level above holds the leaves.
    if (level.length === 0) {
      for (const p of parents) p.leaf = true;
      break;
    }
    items.push(...level);
    parents = level;
  }
  return items;
}

/** Spreads `total` indicators over the leaves: every leaf gets ⌊total/leaves⌋, the first ones one more. */
function spread(leaves: Item[], total: number): { item: Item; count: number }[] {
  const base = Math.floor(total / leaves.length);
  const extra = total - base * leaves.length;
  return leaves.map((item, i) => ({ item, count: base + (i < extra ? 1 : 0) }));
}

/**
 * Both plans with their trees, indicators and values; the annual items of level 2 align to the
 * strategic items of level 2; plus the 2020 plan that the .xlsx import benchmark fills.
 */
export async function generatePlans(c: ZoneCtx): Promise<PlanFacts> {
  const s = c.shape;
  const strategicId = await writePlan(c, 'strategic', '“25311”发展战略规划（2021—2035年）', 2021, 2035);
  const annualId = await writePlan(c, 'annual', '2021年工作计划', PLAN_YEAR, PLAN_YEAR);
  const strategic = await writeTree(c, strategicId, s.strategicItems, ['2021-01-01', '2035-12-31']);
  const annual = await writeTree(c, annualId, s.annualItems, [`${PLAN_YEAR}-01-01`, `${PLAN_YEAR}-12-31`]);
  const sl2 = strategic.filter((i) => i.depth === 2);
  for (const a of annual.filter((i) => i.depth === 2)) {
    if (sl2.length) await c.w.add('plan_item_alignment', { item_id: a.id, strategic_item_id: c.rng.pick(sl2).id, zone_id: c.zoneId });
  }
  const annualShare = Math.round(s.indicators * 0.8);
  const specs: IndicatorSpec[] = [
    ...spread(annual.filter((i) => i.leaf), annualShare).map((x) => ({ itemId: x.item.id, count: x.count })),
    ...spread(strategic.filter((i) => i.leaf), s.indicators - annualShare).map((x) => ({ itemId: x.item.id, count: x.count })),
  ];
  const written = await writeIndicators(c, specs, { year: PLAN_YEAR, months: s.months, codePrefix: 'I' });

  // The import target: last year's plan with one item per 500 indicators, reported amounts without values.
  const importPlanId = await writePlan(c, 'annual', `${PLAN_YEAR - 1}年工作计划（导入）`, PLAN_YEAR - 1, PLAN_YEAR - 1);
  const perItem = 500;
  const needed = Math.ceil(s.importValues / 24);
  const importItems = await writeTree(c, importPlanId, Math.max(1, Math.ceil(needed / perItem)), [`${PLAN_YEAR - 1}-01-01`, `${PLAN_YEAR - 1}-12-31`]);
  const importLeaves = importItems.filter((i) => i.leaf);
  await writeIndicators(
    c,
    spread(importLeaves, needed).map((x) => ({ itemId: x.item.id, count: x.count })),
    { year: PLAN_YEAR - 1, months: 0, codePrefix: 'M', onlyReportedAmounts: true },
  );
  return { strategicId, annualId, importPlanId, items: strategic.length + annual.length, indicators: written.indicators, values: written.values };
}
