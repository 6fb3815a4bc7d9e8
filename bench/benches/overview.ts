import { performance } from 'node:perf_hooks';
import type { PlanItem } from '@lantu/core';
import { type BenchCtx, WrongAnswer, type ZoneInfo, ms, ratio, runBench } from '../lib/context.js';
import { INDICATOR_DETAIL_SQL, PLAN_OVERVIEW_SQL } from '../lib/floor.js';
import type { BenchResult } from '../lib/report.js';
import { summarize } from '../lib/stats.js';

/** Plan overview and indicator detail: API latency against the one-query SQL floor, samples interleaved. */

interface FloorItem {
  id: string;
  status: string;
}

/** Overview samples taken right after a change of data, when the evaluation is recomputed (context). */
const COLD_SAMPLES = 10;

/** Times `api` and `floor` alternately (same noise for both), after `warmup` rounds of each. */
async function interleaved(n: number, warmup: number, api: (i: number) => Promise<void>, floor: (i: number) => Promise<void>) {
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    let t0 = performance.now();
    await api(i);
    if (i >= warmup) a.push(performance.now() - t0);
    t0 = performance.now();
    await floor(i);
    if (i >= warmup) f.push(performance.now() - t0);
  }
  return { api: summarize(a), floor: summarize(f) };
}

/** Overview of one plan per zone (rotated): API and floor latencies, and how often they agree on item statuses. */
async function measureOverview(ctx: BenchCtx, planOf: (z: ZoneInfo) => string) {
  const province = ctx.zones.length > 1;
  // Province: rotate over up to 20 zones spread across the province, each read by its own leader.
  const zones = province ? ctx.zones.filter((_, i) => i % Math.ceil(ctx.zones.length / 20) === 0) : ctx.zones.slice(0, 1);
  const sessions = await Promise.all(zones.map((z) => ctx.session(z.index, 'leader')));
  const counts = await Promise.all(zones.map(async (z) => Number((await ctx.query('select count(*)::int as n from plan_item where plan_id = $1', [planOf(z)]))[0]!.n)));
  let agree = 0;
  let compared = 0;
  const lastApi = new Map<number, PlanItem[]>();
  const res = await interleaved(
    ctx.size.samples.overview,
    // At least one round over the zones: each zone's first overview after the start computes its
    // evaluation (timed separately, right after a change, below).
    Math.max(ctx.size.samples.warmup, zones.length),
    async (i) => {
      const k = i % zones.length;
      const page = await sessions[k]!.get<{ items: PlanItem[]; total: number }>(`/api/v1/plans/${planOf(zones[k]!)}/items?pageSize=5000`);
      if (page.items.length !== counts[k]) throw new WrongAnswer(`plan overview answered ${page.items.length} items, the plan has ${counts[k]}`);
      lastApi.set(k, page.items);
    },
    async (i) => {
      const k = i % zones.length;
      const [row] = await ctx.query(PLAN_OVERVIEW_SQL, [planOf(zones[k]!)]);
      const items = JSON.parse(String(row!.items)) as FloorItem[];
      if (items.length !== counts[k]) throw new WrongAnswer(`floor query answered ${items.length} items, the plan has ${counts[k]}`);
      if (i < zones.length) {
        const floorStatus = new Map(items.map((x) => [x.id, x.status]));
        for (const it of lastApi.get(k) ?? []) {
          compared++;
          if (floorStatus.get(it.id) === it.status) agree++;
        }
      }
    },
  );
  // The server keeps a plan's evaluation until the data changes (a newer audit event). Every sample
  // above after the first is answered from it; these are answered after a change: the office edits
  // the description of the zone's 2020 plan before each, so the evaluation is recomputed.
  const changed: number[] = [];
  const office = await ctx.session(zones[0]!.index, 'office');
  let version = (await office.get<{ version: number }>(`/api/v1/plans/${zones[0]!.importPlanId}`)).version;
  for (let i = 0; i < Math.min(COLD_SAMPLES, ctx.size.samples.overview); i++) {
    version = (await office.expect<{ version: number }>(200, 'PATCH', `/api/v1/plans/${zones[0]!.importPlanId}`, { version, description: `基准测试修改 ${i}` })).version;
    const t0 = performance.now();
    await sessions[0]!.get(`/api/v1/plans/${planOf(zones[0]!)}/items?pageSize=5000`);
    changed.push(performance.now() - t0);
  }
  const note = `${counts[0]} items per plan${province ? `, ${zones.length} zones rotated` : ''}; floor and API agree on ${compared ? Math.round((agree / compared) * 100) : 0} % of item statuses (the floor leaves out formulas, project-driven indicators and curves: see README)`;
  return { ...res, changed: summarize(changed), note, province };
}

export function planOverview(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('plan-overview', 'Plan overview', ctx.log, async (r) => {
    let res: Awaited<ReturnType<typeof measureOverview>>;
    try {
      res = await measureOverview(ctx, (z) => z.annualId);
    } catch (err) {
      // The 2021 plan failed: say so, and measure the smaller strategic plan so the run still shows where the time goes.
      r.ok = false;
      r.error = `2021 plan: ${err instanceof Error ? err.message : String(err)}`;
      const s = await measureOverview(ctx, (z) => z.strategicId);
      r.latencies['API GET /plans/:id/items (strategic plan, context)'] = s.api;
      r.latencies['SQL floor (strategic plan, context)'] = s.floor;
      const limit = s.province ? 100 : ctx.kind === 'pglite' ? 50 : undefined;
      r.figures.push({ ...ms('overview_p99', 'plan overview', s.api, 'p99', limit), value: null, note: 'the 2021 plan failed' });
      r.figures.push(ratio('strategic_vs_floor_p99', 'strategic plan overview p99 ÷ SQL floor p99 (context)', s.api.p99, s.floor.p99));
      r.figures.push(ms('strategic_p99', 'strategic plan overview (context)', s.api, 'p99'));
      r.notes.push(`strategic plan: ${s.note}`);
      return;
    }
    r.latencies['API GET /plans/:id/items'] = res.api;
    r.latencies['SQL floor'] = res.floor;
    r.latencies['API GET /plans/:id/items right after a change (recomputed)'] = res.changed;
    r.figures.push(ms('overview_p99', res.province ? 'per-zone plan overview' : 'plan overview', res.api, 'p99', res.province ? 100 : ctx.kind === 'pglite' ? 50 : undefined));
    r.figures.push(ratio('overview_vs_floor_p99', 'plan overview p99 ÷ SQL floor p99', res.api.p99, res.floor.p99, res.province ? undefined : { op: '<=', limit: 1.5 }));
    r.figures.push(ratio('overview_vs_floor_p50', 'plan overview p50 ÷ SQL floor p50', res.api.p50, res.floor.p50));
    r.figures.push(ms('overview_changed_p50', 'plan overview right after a change (recomputed)', res.changed, 'p50'));
    r.figures.push(ratio('overview_changed_vs_floor_p50', 'plan overview right after a change p50 ÷ SQL floor p50', res.changed.p50, res.floor.p50));
    r.notes.push(res.note);
  });
}

/** Indicators to read: every k-th of the zone's two plans, so all kinds and sources come up. */
async function sampleIndicators(ctx: BenchCtx, zoneIndex: number, n: number): Promise<{ id: string; source: string }[]> {
  const z = ctx.zones[zoneIndex]!;
  const rows = await ctx.query(
    `select d.id, d.source from indicator d join plan_item i on i.id = d.item_id where i.plan_id in ($1, $2) order by d.code`,
    [z.annualId, z.strategicId],
  );
  const step = Math.max(1, Math.floor(rows.length / n));
  return rows.filter((_, i) => i % step === 0).slice(0, n).map((r) => ({ id: String(r.id), source: String(r.source) }));
}

export function indicatorDetail(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('indicator-detail', 'Indicator detail', ctx.log, async (r) => {
    const s = await ctx.session(0, 'leader');
    const zoneId = ctx.zones[0]!.id;
    const sample = await sampleIndicators(ctx, 0, 100);
    const res = await interleaved(
      ctx.size.samples.indicator,
      ctx.size.samples.warmup,
      async (i) => {
        const id = sample[i % sample.length]!.id;
        const ind = await s.get<{ id: string }>(`/api/v1/indicators/${id}`);
        if (ind.id !== id) throw new WrongAnswer(`indicator ${id} answered ${ind.id}`);
      },
      async (i) => {
        const id = sample[i % sample.length]!.id;
        const [row] = await ctx.query(INDICATOR_DETAIL_SQL, [id, zoneId]);
        if ((JSON.parse(String(row!.indicator)) as { id: string }).id !== id) throw new WrongAnswer(`floor query lost indicator ${id}`);
      },
    );
    r.latencies['API GET /indicators/:id'] = res.api;
    r.latencies['SQL floor'] = res.floor;
    r.figures.push(ms('indicator_p99', 'indicator detail', res.api, 'p99', ctx.kind === 'pglite' ? 20 : undefined));
    r.figures.push(ratio('indicator_vs_floor_p99', 'indicator detail p99 ÷ SQL floor p99', res.api.p99, res.floor.p99));
    // The indicator page also loads its chart series and value list: context, no target.
    for (const [key, path] of [['series', 'series'], ['values', 'values']] as const) {
      const times: number[] = [];
      for (let i = 0; i < Math.min(ctx.size.samples.indicator, 100); i++) {
        const t0 = performance.now();
        await s.get(`/api/v1/indicators/${sample[i % sample.length]!.id}/${path}`);
        times.push(performance.now() - t0);
      }
      r.latencies[`API GET /indicators/:id/${key}`] = summarize(times);
    }
    const bySource = sample.reduce<Record<string, number>>((m, x) => ({ ...m, [x.source]: (m[x.source] ?? 0) + 1 }), {});
    r.notes.push(`${sample.length} indicators rotated (${Object.entries(bySource).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  });
}
