import { describe, expect, it } from 'vitest';
import { FormulaError, compareDecimals, evaluateFormula, formulaReferences, parseFormula } from './formula.js';

const values: Record<string, string | null> = { A: '10', B: '4', 'GDP-2021': '2.5', Z: '0', NONE: null };
const run = (text: string) => evaluateFormula(parseFormula(text), (code) => (code in values ? values[code] : undefined));

describe('formula evaluation', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['10 - 4 - 3', '3'],
    ['24 / 4 / 2', '3'],
    ['2 × 3 ÷ 4', '1.5'],
    ['7 − 2', '5'],
    ['-3 + 5', '2'],
    ['-(2 + 3) * 2', '-10'],
    ['--4', '4'],
    ['2 * -3', '-6'],
    ['[A] + [B]', '14'],
    ['[A] / [B] * 100', '250'],
    ['([A] - [B]) / [B] * 100', '150'],
    ['[GDP-2021] * 2', '5'],
    ['1 / 3', '0.333333'],
    ['0.1 + 0.2', '0.3'],
    ['.5 * 4', '2'],
    ['（1 + 1）* 2', '4'],
    ['  [ A ]  ', '10'],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([['1 / 0'], ['[A] / [Z]'], ['[A] / ([B] - 4)'], ['[NONE] + 1'], ['[A] * [NONE]']])('%s has no value (division by zero or a missing value)', (text) => {
    expect(run(text)).toBeNull();
  });

  it('names an unknown reference with its position', () => {
    expect(() => run('[A] + [NOPE]')).toThrowError(expect.objectContaining({ reason: 'unknown_reference', position: 6, code: 'NOPE' }));
  });

  it('lists the references once each, in order', () => {
    expect(formulaReferences(parseFormula('[B] + [A] * [B] - 3'))).toEqual(['B', 'A']);
    expect(formulaReferences(parseFormula('1 + 2'))).toEqual([]);
  });
});

describe('malformed formulas fail with a position', () => {
  it.each([
    ['', 'empty', 0],
    ['   ', 'empty', 0],
    ['1 +', 'unexpected_end', 3],
    ['(1 + 2', 'unexpected_end', 6],
    ['1 + 2)', 'unexpected_token', 5],
    ['1 2', 'unexpected_token', 2],
    ['[A', 'unexpected_end', 2],
    ['[1A] + 1', 'bad_reference', 0],
    ['[] + 1', 'bad_reference', 0],
    ['2 ** 3', 'unexpected_token', 3],
    ['abs(1)', 'unexpected_token', 0],
    ['1 + x', 'unexpected_token', 4],
    ['process.exit()', 'unexpected_token', 0],
    ['1; 2', 'unexpected_token', 1],
    ['('.repeat(200) + '1' + ')'.repeat(200), 'too_deep', 64],
  ])('%j → %s at %i', (text, reason, position) => {
    let err: unknown;
    try {
      parseFormula(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormulaError);
    expect(err).toMatchObject({ reason, position });
  });
});

describe('decimal comparison', () => {
  it.each([
    ['1', '2', -1],
    ['2.50', '2.5', 0],
    ['123456789012.000001', '123456789012', 1],
    ['-1', '0', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});
