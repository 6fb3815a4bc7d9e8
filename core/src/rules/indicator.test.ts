import { describe, expect, it } from 'vitest';
import { evaluateIndicator, expectedToDate, growthFromAmounts, owedMonth } from './indicator.js';
import type { IndicatorSpec, MonthValue } from './indicator-types.js';

const months = (...vals: (string | null)[]): MonthValue[] =>
  vals.flatMap((v, i) => (v === null ? [] : [{ month: i + 1, value: v }]));

const amount = (target: string, extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({ kind: 'amount', direction: 'increase', baseline: null, target, ...extra });
const level = (baseline: string, target: string, direction: 'increase' | 'decrease' = 'increase'): IndicatorSpec => ({ kind: 'level', direction, baseline, target });

describe('expected to date (序时进度)', () => {
  it.each([
    [amount('50'), 2, '8.3333333333333333333'],
    [amount('50'), 12, '50'],
    [amount('120', { curve: [0.02, 0.05, 0.12, 0.2, 0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.93, 1] }), 3, '14.4'],
    [level('60.0', '61.3'), 6, '60.65'],
    [{ kind: 'change', direction: 'decrease', baseline: '120', target: '8' } as IndicatorSpec, 6, '116'],
  ])('%o at month %i → %s', (spec, month, expected) => {
    expect(expectedToDate(spec, month)!.toString()).toBe(expected);
  });
});

describe('status by kind', () => {
  const cases: [string, IndicatorSpec, MonthValue[], number, Partial<ReturnType<typeof evaluateIndicator>>][] = [
    // amount: 完成投资50亿元; Jan–Feb expected 8.33
    ['amount on pace', amount('50'), months('4.2', '4.3'), 2, { status: 'green', actual: '8.5' }],
    ['amount a little behind', amount('50'), months('3.8', '3.7'), 2, { status: 'yellow' }],
    ['amount far behind', amount('50'), months('2', '3'), 2, { status: 'red', ratio: 0.6 }],
    ['amount met early', amount('35'), months('20', '16'), 2, { status: 'done' }],
    ['amount month owed but missing', amount('50'), months('4.2', null), 2, { status: 'nodata' }],
    ['amount with a missing earlier month', amount('50'), months(null, '8.4'), 2, { status: 'green', actual: '8.4' }],
    ['amount custom curve, slow start is fine', amount('120', { curve: [0.02, 0.05, 0.12, 0.2, 0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.93, 1] }), months('2.4', '3.6'), 2, { status: 'green', ratio: 1 }],
    ['amount zero target holds', amount('0'), months('0', '0'), 2, { status: 'green', ratio: null }],
    ['amount negative target (net −2), at 90% of pace', amount('-2'), months('-0.1', '-0.2'), 2, { status: 'yellow' }],
    // level: the product's example, 60.0 → 60.5 against 60.65 expected
    ['level high baseline gets no free pass', level('60.0', '61.3'), months(null, null, null, null, null, '60.5'), 6, { status: 'red' }],
    ['level increase on pace', level('200', '260'), months('205', '210'), 2, { status: 'green' }],
    ['level decrease (rank improves downwards)', level('120', '100', 'decrease'), months('118', '116'), 2, { status: 'green' }],
    ['level decrease going the wrong way', level('120', '100', 'decrease'), months('121', '122'), 2, { status: 'red' }],
    ['level target equal to baseline, held', level('150', '150'), months('150', '151'), 2, { status: 'green', ratio: null }],
    ['level target equal to baseline, slipped', level('150', '150'), months('150', '149'), 2, { status: 'red' }],
    ['level met early', level('200', '260'), months('230', '262'), 2, { status: 'done' }],
    // change: 城镇化率提高1.3个百分点, 排名上升8位
    ['change up 1.3 points', { kind: 'change', direction: 'increase', baseline: '60.0', target: '1.3' }, months('60.11', '60.22'), 2, { status: 'green' }],
    ['change rank up 8 places', { kind: 'change', direction: 'decrease', baseline: '120', target: '8' }, months('119', '118.5'), 2, { status: 'green' }],
    // growth: 规上工业增加值增长7.5%
    ['growth above target', { kind: 'growth', direction: 'increase', baseline: null, target: '7.5' }, months('8.1', '7.9'), 2, { status: 'green', gap: 0.4 }],
    ['growth within a point', { kind: 'growth', direction: 'increase', baseline: null, target: '7.5' }, months('6.6'), 1, { status: 'yellow' }],
    ['growth far below', { kind: 'growth', direction: 'increase', baseline: null, target: '7.5' }, months('5.2'), 1, { status: 'red' }],
    ['growth exactly one point below is yellow', { kind: 'growth', direction: 'increase', baseline: null, target: '7.5' }, months('6.5'), 1, { status: 'yellow' }],
    ['growth of energy intensity, down 3%', { kind: 'growth', direction: 'decrease', baseline: null, target: '-3' }, months('-3.4'), 1, { status: 'green' }],
  ];
  it.each(cases)('%s', (_name, spec, values, month, expected) => {
    expect(evaluateIndicator(spec, values, month)).toMatchObject(expected);
  });
});

describe('limits at and near their bounds', () => {
  const unemployment: IndicatorSpec = { kind: 'limit', direction: 'decrease', baseline: null, target: '5.5', limitMode: 'at_most' };
  const grain: IndicatorSpec = { kind: 'limit', direction: 'increase', baseline: null, target: '95', limitMode: 'at_least' };
  const cpi: IndicatorSpec = { kind: 'limit', direction: 'increase', baseline: null, target: '3', limitMode: 'about', band: ['2.5', '3.5'] };
  it.each([
    ['失业率 well inside', unemployment, '4.8', 'green'],
    ['失业率 just inside the margin', unemployment, '5.3', 'yellow'],
    ['失业率 at the bound', unemployment, '5.5', 'yellow'],
    ['失业率 over', unemployment, '5.51', 'red'],
    ['粮食 comfortably above', grain, '101', 'green'],
    ['粮食 at the bound', grain, '95', 'yellow'],
    ['粮食 below', grain, '94.9', 'red'],
    ['CPI at the centre', cpi, '3.0', 'green'],
    ['CPI near the top edge', cpi, '3.45', 'yellow'],
    ['CPI near the bottom edge', cpi, '2.55', 'yellow'],
    ['CPI outside the band', cpi, '3.6', 'red'],
  ] as const)('%s', (_n, spec, value, status) => {
    expect(evaluateIndicator(spec, [{ month: 2, value }], 2).status).toBe(status);
  });

  it('takes a changed margin into account', () => {
    expect(evaluateIndicator({ ...unemployment, thresholds: { limitMargin: 0.01 } }, [{ month: 2, value: '5.3' }], 2).status).toBe('green');
  });
});

describe('thresholds', () => {
  it('moves a 0.9 ratio from yellow to green when green starts at 0.9', () => {
    const spec = amount('120');
    const values = months('9', '9');
    expect(evaluateIndicator(spec, values, 2).status).toBe('yellow');
    expect(evaluateIndicator({ ...spec, thresholds: { green: 0.9 } }, values, 2).status).toBe('green');
  });
});

describe('frequency', () => {
  it('owes a quarterly value only at quarter ends', () => {
    expect(owedMonth(2, 'quarterly')).toBe(0);
    expect(owedMonth(5, 'quarterly')).toBe(3);
    expect(evaluateIndicator({ ...amount('40'), frequency: 'quarterly' }, [], 2).month).toBe(0);
  });
});

describe('growth from amounts', () => {
  it.each([
    ['107.5', '100', '7.5'],
    ['98', '100', '-2'],
    ['1', '0', null],
  ])('%s vs %s → %s', (cur, last, g) => {
    expect(growthFromAmounts(cur, last)).toBe(g);
  });
});

describe('decimal safety', () => {
  it('keeps 98亿 as 98亿 through the sums', () => {
    const spec = amount('98');
    const values = months('0.1', '0.2', '9.7', '10', '10', '10', '10', '10', '10', '10', '10', '8');
    expect(evaluateIndicator(spec, values, 12).actual).toBe('98');
    expect(evaluateIndicator(spec, values, 12).status).toBe('done');
  });
});

describe('forecast and at-risk', () => {
  it('projects a steady pace to the target and a slowing one below it', () => {
    expect(Number(evaluateIndicator(amount('48'), months('4', '4', '4'), 3).forecast)).toBeCloseTo(48, 4);
    const slowing = evaluateIndicator(amount('48'), months('6', '3', '1'), 3);
    expect(Number(slowing.forecast)).toBeLessThan(48);
  });

  it('flags a green indicator whose projection misses the year', () => {
    // last year's profile: a strong first quarter — this year matches the linear pace but trails last year's share
    const lastYear = months('10', '10', '10', '5', '5', '5', '5', '5', '5', '5', '5', '5');
    const e = evaluateIndicator(amount('60'), months('5', '5', '5'), 3, lastYear);
    expect(e.status).toBe('green');
    expect(e.atRisk).toBe(true);
    expect(Number(e.forecast)).toBeCloseTo(37.5, 4);
  });

  it('projects a level along its trend', () => {
    const e = evaluateIndicator(level('100', '112'), months('101', '102'), 2);
    expect(Number(e.forecast)).toBeCloseTo(112, 0);
    expect(e.atRisk).toBe(false);
  });
});
