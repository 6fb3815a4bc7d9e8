/**
 * The hottest functions of a V8 CPU profile (from `node --cpu-prof`), by self time and by time
 * including callees, with the repository's own frames marked — no flame-graph tool needed.
 *
 *   node --cpu-prof --cpu-prof-dir=bench/.profiles --import tsx bench/run.ts --size zone --only plan-overview
 *   node --import tsx bench/profile-top.ts bench/.profiles/<file>.cpuprofile [top=30] [filter]
 */
import fs from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const REPO = path.resolve(import.meta.dirname, '..');

function label(n: Node): string {
  const f = n.callFrame;
  const file = f.url.replace(/^file:\/\//, '').replace(`${REPO}/`, '').replace(/^.*node_modules\//, '~');
  return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
}

function main(): void {
  const [file, topArg, filter] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [top] [filter]');
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    // Inclusive time: each distinct frame on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (!seen.has(l)) total.set(l, (total.get(l) ?? 0) + dt);
      seen.add(l);
    }
  });
  const top = Number(topArg ?? 30);
  const ours = (k: string) => /^(server|core|bench)\//.test(k.split(' ').at(-1) ?? '');
  const show = (title: string, m: Map<string, number>, only: (k: string) => boolean) => {
    console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
    const rows = [...m].filter(([k]) => only(k) && (!filter || k.includes(filter))).sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [k, v] of rows) console.log(`${v.toFixed(0).padStart(8)} ms ${((100 * v) / all).toFixed(1).padStart(5)} %  ${ours(k) ? '*' : ' '} ${k}`);
  };
  show('Self time', self, () => true);
  // Inclusive time of the generic frames (event loop, driver, wasm) says little: show the repository's own.
  show('Including callees, repository frames', total, ours);
}

main();
