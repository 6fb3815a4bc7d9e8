import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { sameDecimal } from '../exchange/exchange.rows.js';

/** One month of an indicator to store, from row `row` of a file. */
export interface ValueOp {
  row: number;
  code: string;
  indicatorId: string;
  itemId: string;
  period: string;
  value: string;
  currentAmount: string | null;
  lastYearAmount: string | null;
  /** Absent when the row leaves the note blank: the stored note stays. */
  note?: string | null;
}

/**
 * Monthly values written in bulk (the Excel import): one query finds which of the file's
 * indicators have stored months in its range; per chunk of rows, one query reads those months,
 * then one set-based insert of the new months and one update of the changed ones (version + 1,
 * guarded by the version read, as an edit through the value service). Unchanged months are not
 * written. Runs in the caller's transaction and writes no audit event: the import records one
 * for the whole file, with the changes `changesOf` lists.
 */

/** Rows per statement: bounded statements, few of them; PGlite's memory (which never shrinks) grows with a statement's size (10,000 rows left ~50 MB more). */
const CHUNK = 2_000;

interface Stored {
  value: string;
  currentAmount: string | null;
  lastYearAmount: string | null;
  note: string | null;
  reviewState: string;
  version: number;
}

type Fields = Pick<Stored, 'value' | 'currentAmount' | 'lastYearAmount' | 'note'>;

/**
 * A month as the audit trail keeps it: its value alone, or with whichever of its amounts and note
 * it has; null for none.
 */
export type CompactValue = string | Partial<Fields> | null;
/** The months an import changed of one indicator: `periods[n]` went from `before[n]` to `after[n]` (columns: a compact event). */
export interface IndicatorChanges {
  itemId: string;
  indicatorId: string;
  code: string;
  periods: string[];
  before: CompactValue[];
  after: CompactValue[];
}

export interface SavedValues {
  created: number;
  changed: number;
  unchanged: number;
  /** Rows a concurrent edit changed between the read and the write (the version moved): nothing may be saved. */
  conflicts: number[];
  changes: IndicatorChanges[];
}

export const compact = (v: Fields | undefined): CompactValue => {
  if (!v) return null;
  if (v.currentAmount === null && v.lastYearAmount === null && v.note === null) return v.value;
  const out: Partial<Fields> = { value: v.value };
  if (v.currentAmount !== null) out.currentAmount = v.currentAmount;
  if (v.lastYearAmount !== null) out.lastYearAmount = v.lastYearAmount;
  if (v.note !== null) out.note = v.note;
  return out;
};

const keyOf = (indicatorId: string, period: string) => `${indicatorId}|${period}`;
const json = (rows: unknown[]) => JSON.stringify(rows);

/** Of the indicators the file names, those with a stored month in the file's range (one index probe each). */
async function withStored(tx: DbOrTx, ops: ValueOp[]): Promise<Set<string>> {
  if (ops.length === 0) return new Set();
  const ids = json([...new Set(ops.map((o) => o.indicatorId))]);
  let [from, to] = [ops[0]!.period, ops[0]!.period];
  for (const o of ops) [from, to] = [o.period < from ? o.period : from, o.period > to ? o.period : to];
  const [row] = await queryRows<{ j: string }>(
    tx,
    sql`select coalesce(json_agg(k.i), '[]')::text as j from json_array_elements_text(${ids}::json) as k(i)
        where exists (select 1 from indicator_value v where v.indicator_id = k.i::uuid and v.period between ${from} and ${to})`,
  );
  return new Set(JSON.parse(row!.j) as string[]);
}

/** The stored months of a chunk, by indicator|period (one query; PGlite reads one JSON text faster than rows). */
async function storedOf(tx: DbOrTx, all: ValueOp[], having: Set<string>): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  const ops = all.filter((o) => having.has(o.indicatorId));
  if (ops.length === 0) return out;
  const keys = json(ops.map((o) => ({ i: o.indicatorId, p: o.period })));
  const [row] = await queryRows<{ j: string }>(
    tx,
    sql`select coalesce(json_agg(json_build_array(v.indicator_id, v.period, v.value::text, v.current_amount::text, v.last_year_amount::text, v.note, v.review_state, v.version)), '[]')::text as j
        from indicator_value v join json_to_recordset(${keys}::json) as k(i uuid, p text) on v.indicator_id = k.i and v.period = k.p`,
  );
  for (const r of JSON.parse(row!.j) as [string, string, string, string | null, string | null, string | null, string, number][]) {
    out.set(keyOf(r[0], r[1]), { value: r[2], currentAmount: r[3], lastYearAmount: r[4], note: r[5], reviewState: r[6], version: r[7] });
  }
  return out;
}

const same = (a: Fields, b: Stored) =>
  b.reviewState === 'accepted' && sameDecimal(a.value, b.value) && sameDecimal(a.currentAmount, b.currentAmount) && sameDecimal(a.lastYearAmount, b.lastYearAmount) && a.note === b.note;

/** Key of a month another transaction inserted first, from PostgreSQL's unique violation detail. */
const TAKEN = /\(indicator_id, period\)=\(([0-9a-f-]{36}), (\d{4}-\d{2})\)/;
const sqlState = (e: unknown): string => String((e as { cause?: { code?: unknown } }).cause?.code ?? (e as { code?: unknown }).code ?? '');
const detailOf = (e: unknown): string => String((e as { cause?: { detail?: unknown } }).cause?.detail ?? (e as { detail?: unknown }).detail ?? '');

/**
 * Inserts new months (a plain set-based insert: PGlite pays twice as much for ON CONFLICT with
 * RETURNING). A month another transaction inserted since the read fails the whole statement;
 * answers that month's key, and the transaction is then rolled back by the caller.
 */
async function insertNew(tx: DbOrTx, actor: Actor, zoneId: string, rows: { i: string; p: string; v: string; c: string | null; l: string | null; n: string | null }[]): Promise<[string, string][]> {
  if (rows.length === 0) return [];
  try {
    await tx.execute(sql`insert into indicator_value (zone_id, indicator_id, period, value, current_amount, last_year_amount, note, review_state, created_by)
      select ${zoneId}::uuid, k.i, k.p, k.v, k.c, k.l, k.n, 'accepted', ${actor.userId}::uuid
      from json_to_recordset(${json(rows)}::json) as k(i uuid, p text, v numeric, c numeric, l numeric, n text)`);
    return [];
  } catch (e) {
    const taken = sqlState(e) === '23505' ? TAKEN.exec(detailOf(e)) : null;
    if (taken) return [[taken[1]!, taken[2]!]];
    throw e;
  }
}

/** Updates changed months whose version is still the one read; answers the keys whose version moved. */
async function updateChanged(tx: DbOrTx, rows: { i: string; p: string; v: string; c: string | null; l: string | null; n: string | null; ver: number }[]): Promise<[string, string][]> {
  if (rows.length === 0) return [];
  const [r] = await queryRows<{ j: string }>(
    tx,
    sql`with k as (select * from json_to_recordset(${json(rows)}::json) as k(i uuid, p text, v numeric, c numeric, l numeric, n text, ver int)),
        up as (
          update indicator_value t set value = k.v, current_amount = k.c, last_year_amount = k.l, note = k.n, review_state = 'accepted', version = t.version + 1, updated_at = now()
          from k where t.indicator_id = k.i and t.period = k.p and t.version = k.ver
          returning t.indicator_id, t.period
        )
        select coalesce(json_agg(json_build_array(k.i, k.p)), '[]')::text as j from k where not exists (select 1 from up where up.indicator_id = k.i and up.period = k.p)`,
  );
  return JSON.parse(r!.j) as [string, string][];
}

/**
 * Writes the planned months: new ones inserted, changed ones updated with version + 1, the same
 * ones left alone. Answers the counts and the changes, by indicator in file order.
 */
export async function saveValueOps(tx: DbOrTx, actor: Actor, zoneId: string, ops: ValueOp[]): Promise<SavedValues> {
  const out: SavedValues = { created: 0, changed: 0, unchanged: 0, conflicts: [], changes: [] };
  const byIndicator = new Map<string, IndicatorChanges>();
  const record = (op: ValueOp, before: Stored | undefined, after: Fields) => {
    let c = byIndicator.get(op.indicatorId);
    if (!c) byIndicator.set(op.indicatorId, (c = { itemId: op.itemId, indicatorId: op.indicatorId, code: op.code, periods: [], before: [], after: [] }));
    c.periods.push(op.period);
    c.before.push(compact(before));
    c.after.push(compact(after));
  };
  const having = await withStored(tx, ops);
  for (let at = 0; at < ops.length; at += CHUNK) {
    const chunk = ops.slice(at, at + CHUNK);
    const stored = await storedOf(tx, chunk, having);
    const inserts: Parameters<typeof insertNew>[3] = [];
    const updates: Parameters<typeof updateChanged>[1] = [];
    const rowOf = new Map<string, number>();
    for (const op of chunk) {
      const key = keyOf(op.indicatorId, op.period);
      const before = stored.get(key);
      const after: Fields = { value: op.value, currentAmount: op.currentAmount, lastYearAmount: op.lastYearAmount, note: op.note !== undefined ? op.note : (before?.note ?? null) };
      if (before && same(after, before)) {
        out.unchanged++;
        continue;
      }
      rowOf.set(key, op.row);
      const r = { i: op.indicatorId, p: op.period, v: after.value, c: after.currentAmount, l: after.lastYearAmount, n: after.note };
      if (before) updates.push({ ...r, ver: before.version });
      else inserts.push(r);
      record(op, before, after);
    }
    // After a refused insert the transaction takes no more statements: stop at the first lost month.
    const lost = await insertNew(tx, actor, zoneId, inserts);
    if (!lost.length) lost.push(...(await updateChanged(tx, updates)));
    out.conflicts.push(...lost.map(([i, p]) => rowOf.get(keyOf(i, p))!));
    if (lost.length) break;
    out.created += inserts.length;
    out.changed += updates.length;
  }
  out.conflicts.sort((a, b) => a - b);
  out.changes = [...byIndicator.values()];
  return out;
}
