import {
  DEFAULT_ROLLUP_SCORES,
  DEFAULT_THRESHOLDS,
  type Evaluation,
  type IndicatorKind,
  type RollupScores,
  type Status,
  type Thresholds,
} from './indicator-types.js';

export type ProgressMethod = 'manual' | 'indicators' | 'children';

export interface RollupIndicator {
  kind: IndicatorKind;
  weight: number;
  evaluation: Evaluation;
}

export interface RollupItem {
  id: string;
  weight: number;
  method: ProgressMethod;
  /** method `manual`: the progress the owner reports, 0–1. */
  manualProgress?: number | null;
  indicators: RollupIndicator[];
  children: RollupItem[];
}

export interface RollupResult {
  /** Weighted completion, 0–1 (capped at 1); null when nothing below has data. */
  progress: number | null;
  status: Status;
  /** Items below this one (not counting itself) whose status is red. */
  redBelow: number;
}

/** How an indicator counts in a roll-up: its capped ratio, or its status score for growth and limit. */
export function indicatorScore(ind: RollupIndicator, scores: RollupScores = DEFAULT_ROLLUP_SCORES): number | null {
  const { status, ratio } = ind.evaluation;
  if (status === 'nodata') return null;
  if (status === 'done') return 1;
  if (ind.kind === 'growth' || ind.kind === 'limit' || ratio === null) return scores[status];
  return Math.max(0, Math.min(ratio, 1));
}

/** Weighted mean of the scores that exist; weights need not sum to 100 (they are normalised), and all-zero weights count equally. */
export function weightedMean(parts: { weight: number; score: number | null }[]): number | null {
  const present = parts.filter((p): p is { weight: number; score: number } => p.score !== null);
  if (present.length === 0) return null;
  const total = present.reduce((s, p) => s + Math.max(p.weight, 0), 0);
  const mean = total > 0 ? present.reduce((s, p) => s + Math.max(p.weight, 0) * p.score, 0) / total : present.reduce((s, p) => s + p.score, 0) / present.length;
  return Math.min(mean, 1);
}

function statusOf(progress: number | null, allDone: boolean, t: Thresholds): Status {
  if (allDone) return 'done';
  if (progress === null) return 'nodata';
  return progress >= t.green ? 'green' : progress >= t.yellow ? 'yellow' : 'red';
}

/**
 * Rolls progress up the plan tree: every item's weighted completion (from its indicators, its
 * children, or a manual figure), its status by the same thresholds, and the red items below it.
 * @returns a map from item id to its result, for every item in the tree
 */
export function rollup(
  root: RollupItem,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  scores: RollupScores = DEFAULT_ROLLUP_SCORES,
  out: Map<string, RollupResult> = new Map(),
): Map<string, RollupResult> {
  const children = root.children.map((c) => {
    rollup(c, thresholds, scores, out);
    return { child: c, result: out.get(c.id)! };
  });
  let progress: number | null;
  let allDone: boolean;
  if (root.method === 'manual') {
    progress = root.manualProgress ?? null;
    allDone = progress !== null && progress >= 1;
  } else if (root.method === 'indicators' || root.children.length === 0) {
    progress = weightedMean(root.indicators.map((i) => ({ weight: i.weight, score: indicatorScore(i, scores) })));
    allDone = root.indicators.length > 0 && root.indicators.every((i) => i.evaluation.status === 'done');
  } else {
    progress = weightedMean(children.map(({ child, result }) => ({ weight: child.weight, score: result.progress })));
    allDone = children.every(({ result }) => result.status === 'done');
  }
  const redBelow = children.reduce((n, { result }) => n + result.redBelow + (result.status === 'red' ? 1 : 0), 0);
  out.set(root.id, { progress, status: statusOf(progress, allDone, thresholds), redBelow });
  return out;
}
