import { verifyAuditChain } from '../../server/src/platform/audit.js';
import { type BenchCtx, WrongAnswer, runBench } from '../lib/context.js';
import type { BenchResult } from '../lib/report.js';
import { summarize, timedPool } from '../lib/stats.js';

/**
 * Report submission, the write path with the audit chain: the unit reporter fills every line of
 * the open cycle's reports through the API (line saves, for context), then submits them all, 32
 * at a time; the unit head returns them (退回) and they are submitted again, round after round,
 * until the size's number of submissions is reached. The chain is verified afterwards.
 */

interface Line {
  id: string;
  kind: 'indicator' | 'project' | 'item';
  version: number;
}
interface Detail {
  id: string;
  state: string;
  version: number;
  lines: Line[];
}

const CONCURRENCY = 32;

function fillBody(l: Line): Record<string, unknown> {
  if (l.kind === 'indicator') return { value: '1', note: '基准测试填报', version: l.version };
  if (l.kind === 'project') return { completedInvestment: 1, note: '基准测试填报', version: l.version };
  return { note: '按计划推进', version: l.version };
}

export function reportSubmission(ctx: BenchCtx): Promise<BenchResult> {
  return runBench('report-submission', 'Report submission', ctx.log, async (r) => {
    const reporter = await ctx.session(0, 'reporter');
    const head = await ctx.session(0, 'head');
    const ids = (
      await ctx.query(
        `select r.id from unit_report r join report_cycle c on c.id = r.cycle_id where r.zone_id = $1 and c.state = 'open' and r.state in ('not_started', 'draft', 'returned') order by r.id`,
        [ctx.zones[0]!.id],
      )
    ).map((x) => String(x.id));
    if (ids.length === 0) throw new WrongAnswer('no open reports to submit (was the dataset used already?)');
    const details = await Promise.all(ids.map((id) => reporter.get<Detail>(`/api/v1/reports/${id}`)));

    const lines = details.flatMap((d) => d.lines.map((l) => ({ report: d.id, line: l })));
    const fill = await timedPool(lines, 8, ({ report, line }) => reporter.expect(200, 'PUT', `/api/v1/reports/${report}/lines/${line.id}`, fillBody(line)));
    r.latencies['line save (PUT /reports/:id/lines/:lineId, 8 at a time)'] = summarize(fill.times);
    r.figures.push({ key: 'line_saves_per_s', label: 'line saves', value: Math.round(lines.length / (fill.wallMs / 1000)), unit: '/s' });

    const version = new Map(details.map((d) => [d.id, d.version]));
    const firstLine = new Map(details.map((d) => [d.id, d.lines[0]?.id]));
    const submitTimes: number[] = [];
    const returnTimes: number[] = [];
    let submitWall = 0;
    let returnWall = 0;
    let submitted = 0;
    const rounds = Math.max(1, Math.ceil(ctx.size.submissions / ids.length));
    for (let round = 0; round < rounds; round++) {
      const sub = await timedPool(ids, CONCURRENCY, async (id) => {
        const d = await reporter.expect<Detail>(200, 'POST', `/api/v1/reports/${id}/submit`, { version: version.get(id) });
        if (d.state !== 'submitted') throw new WrongAnswer(`report ${id} is ${d.state} after submit`);
        version.set(id, d.version);
      });
      submitTimes.push(...sub.times);
      submitWall += sub.wallMs;
      submitted += ids.length;
      if (round === rounds - 1) break;
      const ret = await timedPool(ids, CONCURRENCY, async (id) => {
        const lineId = firstLine.get(id);
        if (!lineId) throw new WrongAnswer(`report ${id} has no line to return`);
        const d = await head.expect<Detail>(200, 'POST', `/api/v1/reports/${id}/return`, { version: version.get(id), lines: [{ lineId, reason: '基准测试退回' }] });
        version.set(id, d.version);
      });
      returnTimes.push(...ret.times);
      returnWall += ret.wallMs;
    }
    const submitLatency = summarize(submitTimes);
    r.latencies[`submit (${CONCURRENCY} at a time)`] = submitLatency;
    if (returnTimes.length) r.latencies[`return by unit head (${CONCURRENCY} at a time)`] = summarize(returnTimes);
    const rate = submitted / (submitWall / 1000);
    r.figures.push({ key: 'submit_per_s', label: 'report submissions', value: Math.round(rate), unit: '/s', ...(ctx.kind === 'postgres' ? { target: { op: '>=', limit: 500 } } : {}) });
    r.figures.push({ key: 'submit_p99', label: 'report submission p99', value: submitLatency.p99, unit: 'ms' });
    if (returnTimes.length) r.figures.push({ key: 'return_per_s', label: 'returns by the unit head', value: Math.round(returnTimes.length / (returnWall / 1000)), unit: '/s' });
    r.notes.push(`${ids.length} reports with ${lines.length} lines; ${rounds} rounds, ${submitted} submissions${ctx.kind === 'pglite' ? '; the 500/s target is for PostgreSQL' : ''}`);

    const events = Number((await ctx.query('select count(*)::int as n from audit_event', []))[0]!.n);
    if (events <= 1_000_000) {
      const chain = await verifyAuditChain(ctx.database.db);
      if (!chain.ok) throw new WrongAnswer(`audit chain broken at id ${chain.brokenId} (${chain.reason}) after the submissions`);
      r.notes.push(`audit chain verified after the run: ${chain.checked} events`);
    } else r.notes.push(`audit chain of ${events} events not re-verified here (use lantu audit verify)`);
  });
}
