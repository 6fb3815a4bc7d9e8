import { NoAnswer, type Reply } from './client.js';

/**
 * What a client knows it wrote. Every key (a value of an indicator for a month, a report, a
 * cycle …) has the state the server last acknowledged (a 2xx answer). A write whose answer never
 * came (the server was killed) is kept as a group of the states it would have produced.
 *
 * After a restart the server's actual states are compared: every key must hold its acknowledged
 * state, or the state of the unanswered write that touched it; and an unanswered write must have
 * happened entirely or not at all. A version may be `*` when the client cannot know it.
 */

export interface Pending {
  desc: string;
  states: Map<string, string>;
}

export interface Verdict {
  checked: number;
  /** Keys whose acknowledged state is gone (and no unanswered write explains the difference). */
  lost: string[];
  /** Unanswered writes that were applied in part. */
  halfApplied: string[];
  applied: number;
  notApplied: number;
}

/** `state@version` against an expectation whose version may be `*`. */
export function matches(actual: string | undefined, expected: string | undefined): boolean {
  if (actual === undefined || expected === undefined) return actual === expected;
  if (expected.endsWith('@*')) return actual.slice(0, actual.lastIndexOf('@')) === expected.slice(0, -2);
  return actual === expected;
}

export class Ledger {
  readonly acked = new Map<string, string>();
  readonly unanswered: Pending[] = [];
  acks = 0;
  sent = 0;

  /**
   * Sends a write; on an answer returns it (the caller records what a 2xx acknowledged), on none
   * keeps the states it would have produced and returns null.
   */
  async write(desc: string, pending: Record<string, string>, send: () => Promise<Reply>): Promise<Reply | null> {
    this.sent++;
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof NoAnswer)) throw err;
      this.unanswered.push({ desc, states: new Map(Object.entries(pending)) });
      return null;
    }
  }

  ack(states: Record<string, string>): void {
    this.acks++;
    for (const [k, v] of Object.entries(states)) this.acked.set(k, v);
  }

  /** Keys to read back after a restart. */
  keys(): Set<string> {
    const keys = new Set(this.acked.keys());
    for (const p of this.unanswered) for (const k of p.states.keys()) keys.add(k);
    return keys;
  }

  /** Compares what the restarted server holds; then takes it as the new truth and forgets the unanswered writes. */
  verify(actual: Map<string, string>): Verdict {
    const v: Verdict = { checked: 0, lost: [], halfApplied: [], applied: 0, notApplied: 0 };
    for (const [k, want] of this.acked) {
      v.checked++;
      const got = actual.get(k);
      if (matches(got, want)) continue;
      if (this.unanswered.some((p) => matches(got, p.states.get(k)))) continue;
      v.lost.push(`${k}: acknowledged ${want}, found ${got ?? 'nothing'}`);
    }
    for (const p of this.unanswered) {
      let yes = 0;
      let no = 0;
      for (const [k, state] of p.states) {
        const got = actual.get(k);
        const before = this.acked.get(k);
        if (matches(got, state) && !matches(got, before)) yes++;
        else if (!matches(got, state) && (before === undefined ? got === undefined || got === 'absent' : matches(got, before))) no++;
      }
      if (yes > 0 && no > 0) v.halfApplied.push(`${p.desc}: ${yes} of its changes there, ${no} not`);
      else if (yes > 0) v.applied++;
      else v.notApplied++;
    }
    this.acked.clear();
    for (const [k, s] of actual) this.acked.set(k, s);
    this.unanswered.length = 0;
    return v;
  }
}
