/**
 * The short, bounded form of every drill, one after the other (CI's `drills` stage, ~5 minutes on
 * a 2-core machine): crash (3 kill cycles on PGlite and on PostgreSQL), fuzz (12 requests per
 * route on PGlite), backup (the smoke-size dataset on both), load (15 s on PGlite).
 *
 *   npm run drill:short [-- --results drills/results.json] [--only crash,fuzz]
 *
 * Every must-hold of every drill is one test in the results file ({ passed, failed, tests[] });
 * a drill that crashes or overruns its time counts as one failed test. Exits non-zero when
 * anything failed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DrillResults } from './lib/report.js';
import { ROOT } from './lib/proc.js';

const { values: args } = parseArgs({ options: { results: { type: 'string', default: 'drills/results.json' }, only: { type: 'string' } } });
const results = path.resolve(ROOT, args.results);

// The short forms run inside CI on shared, busy machines: their timing bounds are looser than the
// full drills' (restart ≤ 5 s, p99 ≤ 300 ms), which are the ones the product promises. Every
// correctness must-hold is the same.
const DRILLS: { name: string; file: string; args: string[]; limitS: number }[] = [
  { name: 'crash', file: 'drills/crash.ts', args: ['--short', '--cycles', '3', '--restart-limit-ms', '8000'], limitS: 420 },
  { name: 'fuzz', file: 'drills/fuzz.ts', args: ['--short', '--seed', '25311'], limitS: 420 },
  { name: 'backup', file: 'drills/backup.ts', args: ['--short'], limitS: 420 },
  { name: 'load', file: 'drills/load.ts', args: ['--short', '--p99-ms', '1500'], limitS: 300 },
];

fs.rmSync(results, { force: true });
const t0 = Date.now();
for (const d of DRILLS.filter((x) => !args.only || args.only.split(',').includes(x.name))) {
  const before = read();
  const child = spawn(process.execPath, ['--import', 'tsx', d.file, ...d.args, '--results', results], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  // Over its limit: SIGTERM first, so the drill takes its servers down with it; SIGKILL if it lingers.
  const timer = setTimeout(() => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  }, d.limitS * 1000);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  const after = read();
  const added = after.tests.length - before.tests.length;
  // A drill that died (or overran) without recording a failure still fails once.
  if (code !== 0 && after.failed === before.failed) {
    after.tests.push({ name: `${d.name}: the drill finished`, ok: false, detail: signal ? `killed (${signal}) after ${d.limitS} s` : `exit ${code} with ${added} must-holds recorded` });
    write(after);
  }
}
const r = read();
console.log(`\n=== drills (short): ${Math.round((Date.now() - t0) / 1000)} s ===`);
for (const t of r.tests) console.log(`  ${t.ok ? '✓' : '✗'} ${t.name}`);
// Not the bare "N passed, N failed": that line is CI's own closing line.
console.log(`drills: ${r.passed} passed, ${r.failed} failed`);
process.exit(r.failed > 0 || r.tests.length === 0 ? 1 : 0);

function read(): DrillResults {
  return fs.existsSync(results) ? (JSON.parse(fs.readFileSync(results, 'utf8')) as DrillResults) : { passed: 0, failed: 0, tests: [], figures: {} };
}
function write(r: DrillResults): void {
  r.passed = r.tests.filter((t) => t.ok).length;
  r.failed = r.tests.length - r.passed;
  fs.writeFileSync(results, JSON.stringify(r, null, 2));
}
