import { is, sql } from 'drizzle-orm';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import { type Database, type Db, queryRows } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';

/** A periodic job: reminders, automatic closing, the outbox. It must be safe to run again at any time. */
export interface Job {
  name: string;
  run(db: Db, now: Date): Promise<void>;
}

/** The advisory lock that makes one runner at a time out of any number of server processes. */
export const SCHEDULER_LOCK_KEY = 7474002;

type Log = (msg: string) => void;
const silent: Log = () => {};

async function runEach(db: Db, clock: Clock, jobs: readonly Job[], log: Log): Promise<void> {
  for (const job of jobs) {
    try {
      await job.run(db, clock.now());
    } catch (err) {
      // One broken job must not stop the others, nor the next tick.
      log(`scheduler job "${job.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/**
 * Runs every job once, unless another runner (another server process on the same PostgreSQL) is
 * running them right now. The lock is a transaction-level advisory lock, so a crashed runner's lock
 * goes with its connection. Jobs use their own connections and transactions meanwhile. PGlite is
 * opened by one process only, so there the lock is trivially ours (and its single connection could
 * not serve the jobs while a lock transaction held it).
 * @returns false when another runner holds the lock
 * @throws only when the lock itself cannot be taken (database unreachable); job errors are logged
 */
export async function runJobsOnce(db: Db, clock: Clock, jobs: readonly Job[], log: Log = silent): Promise<boolean> {
  if (is(db, PgliteDatabase)) {
    await runEach(db, clock, jobs, log);
    return true;
  }
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}) as locked`);
    if (!row?.locked) return false;
    await runEach(db, clock, jobs, log);
    return true;
  });
}

export interface SchedulerDeps {
  database: Database;
  clock: Clock;
  /** Pause between the end of one tick and the start of the next; 0 disables the scheduler. */
  intervalMs: number;
  jobs: Job[];
  log?: Log;
}

/**
 * Runs the jobs every `intervalMs` inside this server process. Ticks never overlap; nothing a job
 * does can throw out of the loop. The timer does not keep the process alive.
 * @returns stop(): no new tick starts, and it resolves once a running tick has finished
 * @throws never (a failed tick is logged and the next one is scheduled)
 */
export function startScheduler(deps: SchedulerDeps): { stop(): Promise<void> } {
  const log = deps.log ?? silent;
  if (deps.intervalMs <= 0) return { stop: async () => {} };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = () => {
    timer = setTimeout(tick, deps.intervalMs);
    timer.unref();
  };
  function tick(): void {
    running = runJobsOnce(deps.database.db, deps.clock, deps.jobs, log)
      .then(
        () => undefined,
        (err: unknown) => log(`scheduler tick failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
  }
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
