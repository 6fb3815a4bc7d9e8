import fs from 'node:fs';
import path from 'node:path';

/**
 * What a drill prints and leaves behind: its figures, and one line per must-hold (✓ or ✗ with
 * the figure that decided it). With `--results <file>` the must-holds are
 * also written as `{ passed, failed, tests[] }`, the shape `.ci/run` counts.
 */

export interface Hold {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DrillResults {
  passed: number;
  failed: number;
  tests: { name: string; ok: boolean; detail: string }[];
  figures: Record<string, string | number>;
}

export class Drill {
  readonly holds: Hold[] = [];
  readonly figures: Record<string, string | number> = {};
  private readonly t0 = performance.now();

  /** @param resultsFile where the must-holds are appended as `{ passed, failed, tests[] }` (--results) */
  constructor(
    readonly name: string,
    readonly resultsFile?: string,
  ) {
    console.log(`\n=== drill: ${name} ===`);
  }

  log(line: string): void {
    console.log(`  ${line}`);
  }

  /** A measured figure, printed at once and listed again at the end. */
  figure(label: string, value: string | number, unit = ''): void {
    const shown = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value;
    this.figures[label] = typeof value === 'number' ? Number(shown) : value;
    console.log(`  · ${label}: ${shown}${unit ? ` ${unit}` : ''}`);
  }

  /** A must-hold: recorded, printed, and it makes the drill exit non-zero when it fails. */
  hold(name: string, ok: boolean, detail: string): boolean {
    this.holds.push({ name: `${this.name}: ${name}`, ok, detail });
    console.log(`  ${ok ? '✓' : '✗'} ${name} — ${detail}`);
    return ok;
  }

  /** Prints the summary, writes the results file when asked, and returns the exit code. */
  finish(resultsFile = this.resultsFile): number {
    const failed = this.holds.filter((h) => !h.ok);
    const seconds = (performance.now() - this.t0) / 1000;
    console.log(`\n--- ${this.name}: ${this.holds.length - failed.length} of ${this.holds.length} must-holds held (${seconds.toFixed(0)} s) ---`);
    for (const [k, v] of Object.entries(this.figures)) console.log(`  ${k}: ${v}`);
    for (const h of failed) console.log(`  FAILED ${h.name}: ${h.detail}`);
    if (resultsFile) writeResults(resultsFile, this);
    return failed.length > 0 || this.holds.length === 0 ? 1 : 0;
  }
}

/** Appends a drill's must-holds to a results file (several drills may share one). */
export function writeResults(file: string, drill: Drill): void {
  const prev: DrillResults = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DrillResults) : { passed: 0, failed: 0, tests: [], figures: {} };
  for (const h of drill.holds) prev.tests.push({ name: h.name, ok: h.ok, detail: h.detail });
  for (const [k, v] of Object.entries(drill.figures)) prev.figures[`${drill.name}: ${k}`] = v;
  prev.passed = prev.tests.filter((t) => t.ok).length;
  prev.failed = prev.tests.length - prev.passed;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(prev, null, 2));
}

/** Nearest-rank percentile of a list of numbers (NaN when empty). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs a drill's main function: uncaught errors become a failed must-hold, never a silent pass. */
export async function runDrill(drill: Drill, main: () => Promise<void>, cleanup: () => Promise<void> = async () => {}): Promise<never> {
  try {
    await main();
  } catch (err) {
    drill.hold('the drill ran to its end', false, (err as Error).stack ?? String(err));
  }
  try {
    await cleanup();
  } catch (err) {
    console.error(`cleanup: ${(err as Error).message}`);
  }
  process.exit(drill.finish());
}

/** A seeded pseudo-random generator (mulberry32), so a drill's choices can be replayed with --seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
