import { describe, expect, it } from 'vitest';
import { rollup, weightedMean, type RollupItem } from './rollup.js';
import type { Evaluation, Status } from './indicator-types.js';

const ev = (status: Status, ratio: number | null = null): Evaluation => ({ month: 2, expected: null, actual: null, ratio, gap: null, status, forecast: null, atRisk: false });
const leaf = (id: string, weight: number, indicators: RollupItem['indicators']): RollupItem => ({ id, weight, method: 'indicators', indicators, children: [] });

describe('weighted mean', () => {
  it.each([
    [[{ weight: 30, score: 1 }, { weight: 20, score: 0.5 }], 0.8],
    [[{ weight: 0.3, score: 1 }, { weight: 0.2, score: 0.5 }], 0.8],
    [[{ weight: 0, score: 1 }, { weight: 0, score: 0.5 }], 0.75],
    [[{ weight: 50, score: 1 }, { weight: 50, score: null }], 1],
    [[{ weight: 50, score: null }], null],
  ])('%j → %s', (parts, mean) => {
    expect(weightedMean(parts)).toBe(mean);
  });
});

describe('roll-up', () => {
  const tree: RollupItem = {
    id: 'plan',
    weight: 1,
    method: 'children',
    indicators: [],
    children: [
      {
        id: 'focus-1',
        weight: 60,
        method: 'children',
        indicators: [],
        children: [
          leaf('a', 30, [{ kind: 'amount', weight: 1, evaluation: ev('green', 1.02) }]),
          leaf('b', 10, [{ kind: 'amount', weight: 1, evaluation: ev('red', 0.5) }]),
        ],
      },
      {
        id: 'focus-2',
        weight: 20,
        method: 'children',
        indicators: [],
        children: [
          leaf('c', 1, [
            { kind: 'growth', weight: 1, evaluation: ev('yellow') },
            { kind: 'limit', weight: 1, evaluation: ev('green') },
          ]),
          leaf('d', 1, [{ kind: 'amount', weight: 1, evaluation: ev('nodata') }]),
        ],
      },
    ],
  };
  const result = rollup(tree);

  it('caps ratios at 1 and weighs children by weights that do not sum to 100', () => {
    expect(result.get('focus-1')!.progress).toBeCloseTo((30 * 1 + 10 * 0.5) / 40, 10);
    expect(result.get('focus-1')!.status).toBe('yellow');
  });

  it('scores growth and limit by status and leaves out items with no data', () => {
    expect(result.get('c')!.progress).toBeCloseTo(0.95, 10);
    expect(result.get('d')!.status).toBe('nodata');
    expect(result.get('focus-2')!.progress).toBeCloseTo(0.95, 10);
  });

  it('counts red items below every ancestor', () => {
    expect(result.get('plan')!.redBelow).toBe(1);
    expect(result.get('focus-1')!.redBelow).toBe(1);
    expect(result.get('focus-2')!.redBelow).toBe(0);
    expect(result.get('plan')!.progress).toBeCloseTo((60 * 0.875 + 20 * 0.95) / 80, 10);
  });

  it('is done only when everything below is done', () => {
    const done = rollup({ ...tree, children: [leaf('x', 1, [{ kind: 'amount', weight: 1, evaluation: ev('done', 1.4) }])] });
    expect(done.get('plan')!.status).toBe('done');
  });
});
