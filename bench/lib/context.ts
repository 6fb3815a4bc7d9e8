import type { BuiltApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/client.js';
import { type Session, login } from './client.js';
import type { RawQuery } from './floor.js';
import type { BenchResult, Figure } from './report.js';
import { BENCH_PASSWORD, type Size, accountsOf } from './sizes.js';
import type { Latency } from './stats.js';

/** A generated zone as the runner finds it in the database. */
export interface ZoneInfo {
  index: number;
  id: string;
  strategicId: string;
  annualId: string;
  importPlanId: string;
}

/** What every benchmark gets: the running app, the database, and a raw query for floors. */
export interface BenchCtx {
  size: Size;
  kind: 'pglite' | 'postgres';
  database: Database;
  app: BuiltApp;
  /** http://127.0.0.1:<port> */
  base: string;
  query: RawQuery;
  zones: ZoneInfo[];
  log: (line: string) => void;
  /** Signs in one of a zone's generated accounts (cached per zone and account). */
  session(zone: number, who: 'leader' | 'office' | 'reporter' | 'head'): Promise<Session>;
}

/** Finds the generated zones and their three plans (2021–2035 strategic, 2021 annual, 2020 import target). */
export async function findZones(query: RawQuery): Promise<ZoneInfo[]> {
  const rows = await query(
    `select z.id, z.code,
       (select p.id from plan p where p.zone_id = z.id and p.kind = 'strategic' limit 1) as strategic,
       (select p.id from plan p where p.zone_id = z.id and p.kind = 'annual' and p.start_year = 2021 limit 1) as annual,
       (select p.id from plan p where p.zone_id = z.id and p.kind = 'annual' and p.start_year = 2020 limit 1) as import
     from zone z where z.code like 'bench-z%' order by z.code`,
    [],
  );
  return rows.map((r, index) => ({ index, id: String(r.id), strategicId: String(r.strategic), annualId: String(r.annual), importPlanId: String(r.import) }));
}

/** The session factory of a run: office accounts answer their second factor with the secret stored for them. */
export function sessionCache(base: string, query: RawQuery): BenchCtx['session'] {
  const cache = new Map<string, Promise<Session>>();
  return (zone, who) => {
    const key = `${zone}:${who}`;
    let s = cache.get(key);
    if (!s) {
      const username = accountsOf(zone)[who];
      s = (async () => {
        const [row] = await query('select totp_secret from app_user where username = $1', [username]);
        return login(base, username, BENCH_PASSWORD, (row?.totp_secret as string | null) ?? null);
      })();
      cache.set(key, s);
    }
    return s;
  };
}

/** Runs one benchmark, turning a crash into a failed result that names the error. */
export async function runBench(name: string, title: string, log: (l: string) => void, work: (r: BenchResult) => Promise<void>): Promise<BenchResult> {
  const r: BenchResult = { name, title, ok: true, seconds: 0, figures: [], latencies: {}, notes: [] };
  const started = Date.now();
  log(`▶ ${title}`);
  try {
    await work(r);
  } catch (err) {
    r.ok = false;
    r.error = err instanceof Error ? err.message : String(err);
    log(`  ✗ ${r.error}`);
    if (process.env.BENCH_DEBUG && err instanceof Error) log(err.stack ?? '');
  }
  r.seconds = (Date.now() - started) / 1000;
  for (const f of r.figures) log(`  ${f.label}: ${f.value === null ? '—' : Number(f.value.toPrecision(4))} ${f.unit}${f.target ? ` (target ${f.target.op} ${f.target.limit})` : ''}`);
  log(`  (${r.seconds.toFixed(1)} s)`);
  return r;
}

/** A latency figure in ms. */
export function ms(key: string, label: string, l: Latency, pick: 'p50' | 'p95' | 'p99', target?: number): Figure {
  return { key, label: `${label} ${pick}`, value: l[pick], unit: 'ms', ...(target !== undefined ? { target: { op: '<=', limit: target } } : {}) };
}

/** A ratio figure (3 significant digits). */
export function ratio(key: string, label: string, a: number, b: number, target?: { op: '<=' | '>='; limit: number }): Figure {
  const value = b > 0 && Number.isFinite(a) ? Number((a / b).toPrecision(3)) : null;
  return { key, label, value, unit: '×', ...(target ? { target } : {}) };
}

export class WrongAnswer extends Error {}
