import type { ZoneCtx } from './gen-org.js';
import type { Prng } from './prng.js';
import { OPEN_PERIOD, monthsEnding } from './sizes.js';

/** Indicators of all five kinds and three sources, and their accepted monthly values. */

export interface IndicatorSpec {
  itemId: string;
  count: number;
}

interface Options {
  year: number;
  /** Months of values ending the month before the open cycle; 0: no values. */
  months: number;
  codePrefix: string;
  /** The import target: reported monthly amounts only. */
  onlyReportedAmounts?: boolean;
}

type Kind = 'amount' | 'level' | 'growth' | 'limit' | 'change';

interface Def {
  kind: Kind;
  direction: 'increase' | 'decrease';
  unit: string;
  baseline: number | null;
  target: number;
  limitMode: 'at_most' | 'at_least' | 'about' | null;
  band: [number, number] | null;
  frequency: 'monthly' | 'quarterly' | 'half_yearly';
}

const AMOUNT_UNITS = ['亿元', '万元', '万平方米', '个', '人', '亩'];
const NAMES: Record<Kind, string[]> = {
  amount: ['完成固定资产投资', '新增就业', '新增孵化面积', '实际利用外资', '税收收入', '新签约项目'],
  level: ['高新技术企业数', '城镇化率', '研发投入强度', '规上工业企业数', '全国排名'],
  growth: ['地区生产总值增长', '规上工业增加值增长', '固定资产投资增长', '社会消费品零售总额增长'],
  limit: ['城镇调查失业率', '居民消费价格涨幅', '万元生产总值能耗', '空气质量优良天数比例'],
  change: ['城镇化率提高', '排名上升', '研发投入强度提高'],
};

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const dec = (n: number, digits = 2) => n.toFixed(digits);

function drawKind(rng: Prng): Kind {
  const r = rng.next();
  return r < 0.4 ? 'amount' : r < 0.6 ? 'level' : r < 0.75 ? 'growth' : r < 0.9 ? 'limit' : 'change';
}

function drawDef(rng: Prng, kind: Kind): Def {
  const frequency = rng.chance(0.85) ? 'monthly' : rng.chance(0.66) ? 'quarterly' : 'half_yearly';
  const base = { limitMode: null, band: null, frequency, direction: 'increase' } as const;
  if (kind === 'amount') return { ...base, kind, unit: rng.pick(AMOUNT_UNITS), baseline: null, target: round(rng.range(10, 5000)) };
  if (kind === 'growth') return { ...base, kind, unit: '%', baseline: null, target: rng.int(10, 18) / 2 };
  if (kind === 'limit') {
    const mode = rng.pick(['at_most', 'at_least', 'about'] as const);
    if (mode === 'at_most') return { ...base, kind, unit: '%', baseline: null, target: 5.5, limitMode: mode };
    if (mode === 'at_least') return { ...base, kind, unit: '%', baseline: null, target: 95, limitMode: mode };
    return { ...base, kind, unit: '%', baseline: null, target: 3, limitMode: mode, band: [2, 4] };
  }
  const decrease = rng.chance(0.2);
  if (kind === 'change') {
    // A change against last year: 城镇化率提高1.3个百分点, 排名上升8位 (a rank rises by falling: decrease).
    const baseline = round(decrease ? rng.int(10, 60) : rng.range(40, 70), 1);
    return { ...base, kind, direction: decrease ? 'decrease' : 'increase', unit: decrease ? '位' : '个百分点', baseline, target: decrease ? rng.int(2, 8) : round(rng.range(0.5, 3), 1) };
  }
  const baseline = round(rng.range(20, 500));
  const target = round(decrease ? baseline * rng.range(0.85, 0.97) : baseline * rng.range(1.03, 1.15));
  return { ...base, kind, direction: decrease ? 'decrease' : 'increase', unit: rng.pick(['个', '%', '位']), baseline, target };
}

function dueIn(frequency: Def['frequency'], month: number): boolean {
  return frequency === 'quarterly' ? month % 3 === 0 : frequency === 'half_yearly' ? month % 6 === 0 : true;
}

/** A plausible value for a month: flows around the year's target, levels along their path, rates near the target. */
function valueFor(rng: Prng, d: Def, year: number, month: number, planYear: number): string {
  const yearsBack = planYear - year;
  if (d.kind === 'amount') {
    const perMonth = (d.target * Math.pow(0.92, yearsBack)) / 12;
    const months = d.frequency === 'quarterly' ? 3 : d.frequency === 'half_yearly' ? 6 : 1;
    return dec(perMonth * months * rng.range(0.75, 1.2));
  }
  if (d.kind === 'growth') return dec(d.target + rng.range(-3, 2), 1);
  if (d.kind === 'limit') {
    if (d.limitMode === 'at_most') return dec(rng.range(4, 6), 1);
    if (d.limitMode === 'at_least') return dec(rng.range(92, 104), 1);
    return dec(rng.range(1.5, 4.5), 1);
  }
  // level and change: from the baseline (end of last year) towards the year-end goal, earlier years behind.
  const b = d.baseline!;
  const goal = d.kind === 'change' ? (d.direction === 'decrease' ? b - d.target : b + d.target) : d.target;
  const step = goal - b;
  const level = yearsBack >= 1 ? b - step * (yearsBack - 1 + (12 - month) / 12) : b + step * (month / 12) * rng.range(0.8, 1.1);
  return dec(Math.max(0.01, level * rng.range(0.995, 1.005)));
}

/** What the formula indicators may add up: reported monthly amounts in 亿元. */
interface Ref {
  code: string;
  target: number;
}

/**
 * Writes the indicators of the given items (count per item) and the values of the reported ones.
 * About 7 % are project-driven, 8 % formulas over two reported 亿元 amounts, the rest reported.
 */
export async function writeIndicators(c: ZoneCtx, specs: IndicatorSpec[], o: Options): Promise<{ indicators: number; values: number }> {
  const periods = o.months > 0 ? monthsEnding(prevPeriod(OPEN_PERIOD), o.months) : [];
  const refs: Ref[] = [];
  let n = 0;
  let values = 0;
  for (const spec of specs) {
    for (let position = 0; position < spec.count; position++) {
      n++;
      const id = c.rng.uuid();
      const code = `${o.codePrefix}${String(n).padStart(5, '0')}`;
      const r = c.rng.next();
      const source = o.onlyReportedAmounts ? 'reported' : r < 0.07 ? 'projects' : r < 0.15 && refs.length >= 2 ? 'formula' : 'reported';
      let def = drawDef(c.rng, o.onlyReportedAmounts ? 'amount' : drawKind(c.rng));
      if (o.onlyReportedAmounts) def = { ...def, frequency: 'monthly' };
      let formula: string | null = null;
      let projectFilter: object | null = null;
      if (source === 'formula') {
        const a = c.rng.pick(refs);
        let b = c.rng.pick(refs);
        if (b.code === a.code) b = refs.find((x) => x.code !== a.code)!;
        formula = `[${a.code}] + [${b.code}]`;
        def = { ...def, kind: 'amount', unit: '亿元', baseline: null, target: round(a.target + b.target), limitMode: null, band: null, frequency: 'monthly', direction: 'increase' };
      } else if (source === 'projects') {
        const pick = c.rng.int(0, 2);
        if (pick === 0) {
          def = { ...def, kind: 'amount', unit: '万元', baseline: null, target: c.rng.int(50, 500) * 1000, limitMode: null, band: null, frequency: 'monthly', direction: 'increase' };
          projectFilter = { measure: 'completed_investment', categories: [c.rng.pick(['industry', 'infrastructure', 'innovation', 'livelihood', 'agriculture', 'urban'])] };
        } else {
          def = { ...def, kind: 'level', unit: pick === 1 ? '个' : '亿元', baseline: c.rng.int(5, 40), target: c.rng.int(45, 90), limitMode: null, band: null, frequency: 'monthly', direction: 'increase' };
          projectFilter = pick === 1 ? { measure: 'count', stageReached: 'started' } : { measure: 'total_investment', batches: ['start'] };
        }
      }
      if (source === 'reported' && def.kind === 'amount' && def.unit === '亿元' && def.frequency === 'monthly') refs.push({ code, target: def.target });
      await c.w.add('indicator', {
        id, zone_id: c.zoneId, item_id: spec.itemId, code, name: `${c.rng.pick(NAMES[def.kind])}（${code}）`, kind: def.kind, direction: def.direction, unit_of_measure: def.unit,
        year: o.year, baseline: def.baseline === null ? null : String(def.baseline), target: String(def.target), limit_mode: def.limitMode,
        band_low: def.band ? String(def.band[0]) : null, band_high: def.band ? String(def.band[1]) : null,
        curve: def.kind === 'amount' && source === 'reported' && c.rng.chance(0.05) ? curve(c.rng) : null, frequency: def.frequency, thresholds: {}, source, formula,
        project_filter: projectFilter, reporting_unit_id: c.rng.chance(0.1) ? c.rng.pick(c.units) : null, weight: c.rng.chance(0.15) ? '2' : '1', position,
        is_public: c.rng.chance(0.3), source_text: null, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
      });
      if (source !== 'reported') continue;
      for (const period of periods) {
        const [y, m] = period.split('-').map(Number) as [number, number];
        if (!dueIn(def.frequency, m)) continue;
        await c.w.add('indicator_value', {
          id: c.rng.uuid(), zone_id: c.zoneId, indicator_id: id, period, value: valueFor(c.rng, def, y, m, o.year), current_amount: null, last_year_amount: null,
          note: null, review_state: 'accepted', report_id: null, created_at: c.ts, updated_at: c.ts, created_by: null, version: 0,
        });
        values++;
      }
    }
  }
  return { indicators: n, values };
}

/** A custom time-phased curve: 12 cumulative shares rising to 1. */
function curve(rng: Prng): number[] {
  const weights = Array.from({ length: 12 }, () => rng.range(0.5, 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w, i) => (i === 11 ? 1 : round((acc += w) / total, 4)));
}

/** The month before `YYYY-MM`. */
export function prevPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
