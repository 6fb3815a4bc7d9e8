import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../server/src/db/client.js';

/**
 * Half-applied operations, seen from the database: every change of a tracked row bumps its
 * version and writes one audit event in the same transaction, so for each row
 * `version − (events that changed it)` stays constant. A change without its event moves the
 * difference up, an event without its change moves it down, for good: later writes cannot hide it.
 *
 * Tracked: indicator values and project progress (their own put events, and the report.accept
 * events that list them), unit reports (their state steps), report lines (report.line.put),
 * report cycles (cycle.open/update/close), and each cycle's reports and lines against the counts
 * its cycle.open event recorded. A row or event that appears during the drill starts from a known
 * difference (NEW_DELTA); rows that existed before keep the difference they had (the seed writes
 * rows with one system.seed event).
 */

export type Deltas = Map<string, number>;

/** The difference a row created during the drill must have, by kind. */
export const NEW_DELTA: Record<string, number> = { value: -1, progress: -1, report: 0, line: 0, cycle: 0, 'cycle-reports': 0, 'cycle-lines': 0 };
/** A row that is gone while events name it. */
const MISSING = -1_000_000;

const arr = (field: string) => sql.raw(`case when jsonb_typeof(e.summary->'${field}') = 'array' then e.summary->'${field}' else '[]'::jsonb end`);

export async function auditDeltas(db: DbOrTx): Promise<Deltas> {
  const out: Deltas = new Map();
  const put = (key: string, version: number | null, events: number) => out.set(key, version === null ? MISSING : version - events);

  const values = await queryRows<{ k: string; version: number | null; n: number }>(
    db,
    sql`with ev as (
          select e.summary->>'indicatorId' as a, e.summary->>'period' as p from audit_event e where e.action = 'indicator_value.put'
          union all
          select v->>'indicatorId', v->>'period' from audit_event e cross join lateral jsonb_array_elements(${arr('values')}) v where e.action = 'report.accept'
        ), n as (select a, p, count(*)::int as n from ev group by a, p)
        select coalesce(r.indicator_id::text, n.a) || ':' || coalesce(r.period, n.p) as k, r.version, coalesce(n.n, 0) as n
        from indicator_value r full join n on n.a = r.indicator_id::text and n.p = r.period`,
  );
  for (const r of values) put(`value:${r.k}`, r.version, Number(r.n));

  const progress = await queryRows<{ k: string; version: number | null; n: number }>(
    db,
    sql`with ev as (
          select e.summary->>'projectId' as a, e.summary->>'period' as p from audit_event e where e.action = 'project_progress.put'
          union all
          select v->>'projectId', v->>'period' from audit_event e cross join lateral jsonb_array_elements(${arr('progress')}) v where e.action = 'report.accept'
        ), n as (select a, p, count(*)::int as n from ev group by a, p)
        select coalesce(r.project_id::text, n.a) || ':' || coalesce(r.period, n.p) as k, r.version, coalesce(n.n, 0) as n
        from project_progress r full join n on n.a = r.project_id::text and n.p = r.period`,
  );
  for (const r of progress) put(`progress:${r.k}`, r.version, Number(r.n));

  const reports = await queryRows<{ k: string; version: number | null; n: number }>(
    db,
    sql`with n as (select object_id as a, count(*)::int as n from audit_event
                   where action in ('report.submit', 'report.approve', 'report.return', 'report.accept', 'report.reopen') group by object_id)
        select coalesce(r.id::text, n.a) as k, r.version, coalesce(n.n, 0) as n from unit_report r full join n on n.a = r.id::text`,
  );
  for (const r of reports) put(`report:${r.k}`, r.version, Number(r.n));

  const lines = await queryRows<{ k: string; version: number | null; n: number }>(
    db,
    sql`with n as (select summary->>'lineId' as a, count(*)::int as n from audit_event where action = 'report.line.put' group by 1)
        select coalesce(r.id::text, n.a) as k, r.version, coalesce(n.n, 0) as n from report_line r full join n on n.a = r.id::text`,
  );
  for (const r of lines) put(`line:${r.k}`, r.version, Number(r.n));

  const cycles = await queryRows<{ k: string; version: number | null; n: number; reports: number | null; lines: number | null; said_reports: number | null; said_lines: number | null }>(
    db,
    sql`with n as (select object_id as a, count(*)::int - 1 as n,
                          max((summary->>'reports')::int) filter (where action = 'cycle.open') as said_reports,
                          max((summary->>'lines')::int) filter (where action = 'cycle.open') as said_lines
                   from audit_event where action in ('cycle.open', 'cycle.update', 'cycle.close') group by object_id)
        select coalesce(c.id::text, n.a) as k, c.version, coalesce(n.n, -1) as n, n.said_reports, n.said_lines,
               (select count(*)::int from unit_report u where u.cycle_id = c.id) as reports,
               (select count(*)::int from report_line l join unit_report u on u.id = l.report_id where u.cycle_id = c.id) as lines
        from report_cycle c full join n on n.a = c.id::text`,
  );
  for (const r of cycles) {
    put(`cycle:${r.k}`, r.version, Number(r.n));
    if (r.said_reports !== null) out.set(`cycle-reports:${r.k}`, Number(r.reports ?? MISSING) - Number(r.said_reports));
    if (r.said_lines !== null) out.set(`cycle-lines:${r.k}`, Number(r.lines ?? MISSING) - Number(r.said_lines));
  }
  return out;
}

/** Keys whose difference moved since the baseline (or that appeared with a wrong one), described. */
export function deltaMismatches(baseline: Deltas, now: Deltas): string[] {
  const out: string[] = [];
  for (const [k, d] of now) {
    const want = baseline.get(k) ?? NEW_DELTA[k.slice(0, k.indexOf(':'))];
    if (d !== want) out.push(`${k}: version − events = ${d === MISSING ? 'row missing' : d}, expected ${want}`);
  }
  for (const k of baseline.keys()) if (!now.has(k)) out.push(`${k}: row and events gone`);
  return out;
}
