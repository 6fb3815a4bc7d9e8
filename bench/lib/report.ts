import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Latency } from './stats.js';

/** One reported number, with the issue's target when it has one. */
export interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  target?: { op: '<=' | '>='; limit: number };
  note?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  /** False when the benchmark crashed or the app answered wrong (not for a missed target). */
  ok: boolean;
  error?: string;
  seconds: number;
  figures: Figure[];
  latencies: Record<string, Latency>;
  notes: string[];
}

export interface MachineFacts {
  name: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  database: string;
  databaseVersion: string;
}

export interface RunReport {
  size: string;
  zones: number;
  startedAt: string;
  seconds: number;
  machine: MachineFacts;
  dataset: { generatedSeconds: number; rows: Record<string, number> } | null;
  results: BenchResult[];
}

export function machineName(override?: string): string {
  if (override) return override;
  return `${os.platform()}-${os.arch()}-${os.cpus().length}c-${Math.round(os.totalmem() / 2 ** 30)}g`;
}

export function machineFacts(name: string, database: string, databaseVersion: string): MachineFacts {
  return {
    name,
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    database,
    databaseVersion,
  };
}

/** Whether a figure meets its target: true, false, or null when it has none (or no value). */
export function verdict(f: Figure): boolean | null {
  if (!f.target) return null;
  if (f.value === null || !Number.isFinite(f.value)) return false;
  return f.target.op === '<=' ? f.value <= f.target.limit : f.value >= f.target.limit;
}

const fmt = (n: number | null) =>
  n === null || !Number.isFinite(n) ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : Math.abs(n) >= 0.1 || n === 0 ? n.toFixed(2) : n.toPrecision(2);

export function markdown(r: RunReport): string {
  const m = r.machine;
  const lines = [
    `# Lantu benchmark — ${r.size} size on ${m.database}`,
    '',
    `${r.startedAt} · ${m.name}: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform} · ${m.database} ${m.databaseVersion} · ${r.zones} zone(s) · run took ${r.seconds.toFixed(0)} s`,
    '',
    'Ratios compare against a baseline measured in the same run (see bench/README.md); absolute values are for context.',
    '',
    '| benchmark | figure | value | target | met |',
    '|---|---|---:|---|:-:|',
  ];
  for (const b of r.results) {
    if (!b.ok) lines.push(`| ${b.title} | **failed** | — | — | ✗ |`);
    for (const f of b.figures) {
      const v = verdict(f);
      const target = f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${f.target.limit}` : '';
      lines.push(`| ${b.title} | ${f.label}${f.note ? ` (${f.note})` : ''} | ${fmt(f.value)} ${f.unit} | ${target} | ${v === null ? '' : v ? '✓' : '✗'} |`);
    }
  }
  lines.push('', '## Latency detail (ms)', '', '| benchmark | series | n | p50 | p95 | p99 | max |', '|---|---|--:|--:|--:|--:|--:|');
  for (const b of r.results) for (const [k, l] of Object.entries(b.latencies)) lines.push(`| ${b.title} | ${k} | ${l.n} | ${fmt(l.p50)} | ${fmt(l.p95)} | ${fmt(l.p99)} | ${fmt(l.max)} |`);
  const notes = r.results.flatMap((b) => [...(b.error ? [`${b.title}: ERROR ${b.error}`] : []), ...b.notes.map((n) => `${b.title}: ${n}`)]);
  if (notes.length) lines.push('', '## Notes', '', ...notes.map((n) => `- ${n}`));
  if (r.dataset) {
    lines.push('', `## Dataset (generated in ${r.dataset.generatedSeconds.toFixed(0)} s)`, '', '| table | rows |', '|---|--:|');
    for (const [t, n] of Object.entries(r.dataset.rows)) lines.push(`| ${t} | ${n.toLocaleString('en-US')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes <dir>/<base>.json and .md; returns the two paths. */
export function writeReport(dir: string, base: string, r: RunReport): [string, string] {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${base}.json`);
  const md = path.join(dir, `${base}.md`);
  fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(md, markdown(r));
  return [json, md];
}
