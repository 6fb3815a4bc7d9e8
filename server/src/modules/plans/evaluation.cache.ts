import type { DbOrTx } from '../../db/client.js';
import type { PlanEvaluation } from './evaluation.service.js';

/**
 * Plan evaluations kept between requests, per database handle, until the data they were computed
 * from changes. The stamp of that data is the id of the newest audit event of the plan's zone (or
 * of no zone), other than sign-in events (`auth.*`, which change no plan data): every change of
 * business data writes one, for the zone it changes, in the same transaction, under a lock held
 * until commit, so ids grow in commit order and a newer stamp means something may have changed;
 * a change in another zone of a province leaves this zone's plans alone. The zone's business date is part of the key. A stamp read
 * before the data can only be older than the data, never newer, so a race costs a recomputation,
 * never a stale answer. Requests that find the same evaluation being computed wait for it instead
 * of computing it again (a plan page asks for the plan and its items at once).
 */
// A zone-size annual plan (960 items, 2,400 indicators) holds about 3.3 MB.
const MAX_PLANS = 32;
const caches = new WeakMap<object, Map<string, { stamp: string; ev: PlanEvaluation }>>();
const computing = new WeakMap<object, Map<string, Promise<PlanEvaluation>>>();

function cacheOf(db: DbOrTx): Map<string, { stamp: string; ev: PlanEvaluation }> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

const keyOf = (planId: string, asOf: string) => `${planId}@${asOf}`;

/** The evaluation computed for this plan, business date and data stamp, if still held. */
export function cachedEvaluation(db: DbOrTx, planId: string, asOf: string, stamp: string): PlanEvaluation | undefined {
  const c = cacheOf(db);
  const key = keyOf(planId, asOf);
  const hit = c.get(key);
  if (!hit || hit.stamp !== stamp) return undefined;
  c.delete(key); // most recently used last
  c.set(key, hit);
  return hit.ev;
}

/** Keeps an evaluation; the least recently used plan is dropped beyond MAX_PLANS. */
function keepEvaluation(db: DbOrTx, planId: string, asOf: string, stamp: string, ev: PlanEvaluation): void {
  const c = cacheOf(db);
  const key = keyOf(planId, asOf);
  c.delete(key);
  c.set(key, { stamp, ev });
  while (c.size > MAX_PLANS) c.delete(c.keys().next().value!);
}

/**
 * The held evaluation for this stamp, the one being computed for it, or a new one from `compute`
 * (kept when it succeeds).
 */
export async function evaluationOnce(db: DbOrTx, planId: string, asOf: string, stamp: string, compute: () => Promise<PlanEvaluation>): Promise<PlanEvaluation> {
  const held = cachedEvaluation(db, planId, asOf, stamp);
  if (held) return held;
  let running = computing.get(db);
  if (!running) computing.set(db, (running = new Map()));
  const key = `${keyOf(planId, asOf)}#${stamp}`;
  let pending = running.get(key);
  if (!pending) {
    pending = compute().then((ev) => {
      keepEvaluation(db, planId, asOf, stamp, ev);
      return ev;
    });
    running.set(key, pending);
    const done = () => running.delete(key);
    pending.then(done, done);
  }
  return pending;
}
