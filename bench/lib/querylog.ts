import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * BENCH_QUERY_LOG=1: which SQL statements a benchmark spends its database time on, by total time —
 * the profile that a CPU profile of PGlite's WebAssembly cannot give. PGlite: every extended-protocol
 * round of the instance (inside transactions too) from its Parse message to the next; PostgreSQL:
 * every pg client query. Printed per benchmark; adds a little overhead, so not for measured runs.
 */

interface Stat {
  n: number;
  ms: number;
}

export class QueryLog {
  private stats = new Map<string, Stat>();
  private current: { sql: string; since: number } | null = null;

  private add(sql: string, ms: number): void {
    const key = sql.replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)+/g, '$n…').slice(0, 150);
    const s = this.stats.get(key) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    this.stats.set(key, s);
  }

  /** Wraps the embedded database's protocol entry point. */
  attachPglite(pglite: PGlite): void {
    const inner = pglite as unknown as { execProtocolStream: (m: Uint8Array, o?: unknown) => Promise<unknown> };
    const original = inner.execProtocolStream.bind(pglite);
    inner.execProtocolStream = async (message, options) => {
      if (message[0] === 0x50) {
        // Parse: int32 length, statement name (C string), query text (C string).
        const nameEnd = message.indexOf(0, 5);
        const sqlEnd = message.indexOf(0, nameEnd + 1);
        this.finish();
        this.current = { sql: Buffer.from(message.subarray(nameEnd + 1, sqlEnd)).toString('utf8'), since: performance.now() };
      }
      const result = await original(message, options);
      if (message[0] === 0x53 && this.current) this.finish();
      return result;
    };
  }

  private finish(): void {
    if (this.current) this.add(this.current.sql, performance.now() - this.current.since);
    this.current = null;
  }

  /** Wraps every node-postgres client query of this process. */
  attachPostgres(): void {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    const add = (sql: string, ms: number) => this.add(sql, ms);
    proto.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      const t0 = performance.now();
      const out = original.apply(this, args);
      if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(() => add(text, performance.now() - t0), () => add(text, performance.now() - t0));
      return out;
    };
  }

  /** The top statements since the last call, then forgets them. */
  take(top = 8): string[] {
    const rows = [...this.stats].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((a, [, s]) => a + s.ms, 0);
    const count = rows.reduce((a, [, s]) => a + s.n, 0);
    this.stats.clear();
    return [
      `${count} queries, ${total.toFixed(0)} ms in the database:`,
      ...rows.slice(0, top).map(([k, s]) => `${s.ms.toFixed(0).padStart(7)} ms ${String(s.n).padStart(6)}× ${(s.ms / s.n).toFixed(2).padStart(7)} ms  ${k}`),
    ];
  }
}
