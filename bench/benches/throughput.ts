import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { type BenchCtx, WrongAnswer, ratio, runBench } from '../lib/context.js';
import type { BenchResult } from '../lib/report.js';

/**
 * Read throughput: autocannon (32 connections, a bounded duration, loopback, in a worker thread so
 * the load generator does not share the server's event loop) against the indicator detail route,
 * and against a bare Fastify route answering a constant in the same process. Event-loop delay and
 * RSS are watched while the API is under load.
 */

export const CONNECTIONS = 32;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, seconds: number, requests: { method: 'GET'; path: string }[], headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 1, headers, requests, timeout: 30 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A constant answer from a plain Fastify instance in this process: the ceiling of any route here. */
async function bareServer() {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return { bare, url: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}` };
}

export function readThroughput(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('read-throughput', 'Read API throughput', ctx.log, async (r) => {
    const s = await ctx.session(0, 'leader');
    const z = ctx.zones[0]!;
    const ids = await ctx.query(
      `select d.id from indicator d join plan_item i on i.id = d.item_id where i.plan_id = $1 order by d.code limit 50`,
      [z.annualId],
    );
    const requests = ids.map((row) => ({ method: 'GET' as const, path: `/api/v1/indicators/${String(row.id)}` }));
    const { bare, url } = await bareServer();
    const seconds = ctx.size.loadSeconds;
    try {
      // A short warm-up of each, then the measured runs.
      await load(`${url}/bare`, 1, [{ method: 'GET', path: '/bare' }]);
      await load(ctx.base, 1, requests, { cookie: s.cookie });
      const bareDelay = monitorEventLoopDelay({ resolution: 10 });
      bareDelay.enable();
      const baseline = await load(`${url}/bare`, seconds, [{ method: 'GET', path: '/bare' }]);
      bareDelay.disable();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      let peakRss = process.memoryUsage().rss;
      const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
      delay.enable();
      const api = await load(ctx.base, seconds, requests, { cookie: s.cookie });
      delay.disable();
      clearInterval(rssTimer);
      if (api.non2xx > 0 || api.errors > 0) throw new WrongAnswer(`API under load: ${api.non2xx} non-2xx answers, ${api.errors} errors of ${api.requests}`);
      if (baseline.non2xx > 0 || baseline.errors > 0) throw new WrongAnswer(`bare route: ${baseline.non2xx} non-2xx, ${baseline.errors} errors`);
      r.figures.push({ key: 'read_rps', label: 'indicator detail under load', value: Math.round(api.rps), unit: 'req/s' });
      r.figures.push({ key: 'bare_rps', label: 'bare Fastify route', value: Math.round(baseline.rps), unit: 'req/s' });
      r.figures.push(ratio('read_vs_bare', 'read throughput ÷ bare route', api.rps, baseline.rps, { op: '>=', limit: 0.35 }));
      r.figures.push({ key: 'read_p99', label: 'latency under load p99', value: api.p99, unit: 'ms' });
      r.figures.push({ key: 'eld_p99', label: 'event-loop delay p99 during read load', value: Math.round((delay.percentile(99) / 1e6) * 10) / 10, unit: 'ms', target: { op: '<=', limit: 50 } });
      r.figures.push({ key: 'eld_bare_p99', label: 'event-loop delay p99 during the bare route load', value: Math.round((bareDelay.percentile(99) / 1e6) * 10) / 10, unit: 'ms' });
      r.figures.push({ key: 'rss_peak_read', label: 'process RSS peak during read load', value: Math.round(peakRss / 2 ** 20), unit: 'MB' });
      r.latencies['autocannon API (p50/p99 only)'] = { n: api.requests, min: NaN, mean: NaN, p50: api.p50, p95: NaN, p99: api.p99, max: NaN };
      r.latencies['autocannon bare (p50/p99 only)'] = { n: baseline.requests, min: NaN, mean: NaN, p50: baseline.p50, p95: NaN, p99: baseline.p99, max: NaN };
      r.notes.push(`${CONNECTIONS} connections × ${seconds} s each; ${requests.length} indicators rotated; load generator in a worker thread of this process`);
    } finally {
      await bare.close();
    }
  });
}
