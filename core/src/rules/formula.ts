import { Decimal } from 'decimal.js';

/**
 * Formulas over other indicators (data source `formula`): numbers, + − × ÷ (also `* /`),
 * parentheses, unary minus and references `[CODE]` to indicators by code. Parsed by a small
 * recursive-descent parser and evaluated with decimals — never `eval`.
 */
export type FormulaNode =
  | { type: 'num'; value: string }
  | { type: 'ref'; code: string; position: number }
  | { type: 'neg'; arg: FormulaNode }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export type FormulaErrorReason = 'empty' | 'unexpected_token' | 'unexpected_end' | 'bad_reference' | 'too_deep' | 'unknown_reference';

/** A malformed formula, or a reference to an unknown code, with the 0-based position of the fault. */
export class FormulaError extends Error {
  constructor(
    readonly reason: FormulaErrorReason,
    readonly position: number,
    readonly code?: string,
  ) {
    super(`${reason} at ${position}${code ? ` (${code})` : ''}`);
  }
}

const OPS: Record<string, '+' | '-' | '*' | '/'> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };
const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const MAX_DEPTH = 64;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parse(): FormulaNode {
    this.skip();
    if (this.i >= this.s.length) throw new FormulaError('empty', 0);
    const node = this.expr();
    this.skip();
    if (this.i < this.s.length) throw new FormulaError('unexpected_token', this.i);
    return node;
  }

  private skip(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private peekOp(...ops: string[]): '+' | '-' | '*' | '/' | null {
    this.skip();
    const op = OPS[this.s[this.i] ?? ''];
    return op && ops.includes(op) ? op : null;
  }

  private expr(): FormulaNode {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      left = { type: 'bin', op, left, right: this.term() };
    }
    return left;
  }

  private term(): FormulaNode {
    let left = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      left = { type: 'bin', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): FormulaNode {
    if (++this.depth > MAX_DEPTH) throw new FormulaError('too_deep', this.i);
    try {
      const op = this.peekOp('+', '-');
      if (op) {
        this.i++;
        const arg = this.unary();
        return op === '-' ? { type: 'neg', arg } : arg;
      }
      return this.primary();
    } finally {
      this.depth--;
    }
  }

  private primary(): FormulaNode {
    this.skip();
    const start = this.i;
    const c = this.s[this.i];
    if (c === undefined) throw new FormulaError('unexpected_end', this.i);
    if (c === '(' || c === '（') {
      this.i++;
      const inner = this.expr();
      this.skip();
      if (this.s[this.i] !== ')' && this.s[this.i] !== '）') throw new FormulaError(this.i >= this.s.length ? 'unexpected_end' : 'unexpected_token', this.i);
      this.i++;
      return inner;
    }
    if (c === '[') {
      const end = this.s.indexOf(']', start);
      if (end < 0) throw new FormulaError('unexpected_end', this.s.length);
      const code = this.s.slice(start + 1, end).trim();
      if (!CODE.test(code)) throw new FormulaError('bad_reference', start);
      this.i = end + 1;
      return { type: 'ref', code, position: start };
    }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return { type: 'num', value: num[0] };
    }
    throw new FormulaError('unexpected_token', start);
  }
}

/**
 * Parses a formula into a tree.
 * @throws FormulaError (empty, unexpected_token, unexpected_end, bad_reference, too_deep) with the position
 */
export function parseFormula(text: string): FormulaNode {
  return new Parser(text).parse();
}

/** The indicator codes a formula references, each once, in order of first appearance. */
export function formulaReferences(node: FormulaNode): string[] {
  const out: string[] = [];
  const walk = (n: FormulaNode): void => {
    if (n.type === 'ref' && !out.includes(n.code)) out.push(n.code);
    else if (n.type === 'neg') walk(n.arg);
    else if (n.type === 'bin') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return out;
}

const Dx = Decimal.clone({ precision: 34 });

/**
 * Evaluates a parsed formula. `lookup` gives a referenced indicator's value as a decimal string,
 * `null` when it has none for the period, or `undefined` when the code is unknown.
 * @returns the value rounded to 6 decimal places, or null when a referenced value is missing or a division by zero occurs
 * @throws FormulaError unknown_reference
 */
export function evaluateFormula(node: FormulaNode, lookup: (code: string) => string | null | undefined): string | null {
  const ev = (n: FormulaNode): Decimal | null => {
    switch (n.type) {
      case 'num':
        return new Dx(n.value);
      case 'ref': {
        const v = lookup(n.code);
        if (v === undefined) throw new FormulaError('unknown_reference', n.position, n.code);
        return v === null ? null : new Dx(v);
      }
      case 'neg': {
        const a = ev(n.arg);
        return a === null ? null : a.neg();
      }
      case 'bin': {
        const a = ev(n.left);
        const b = ev(n.right);
        if (a === null || b === null) return null;
        if (n.op === '/') return b.isZero() ? null : a.div(b);
        return n.op === '+' ? a.plus(b) : n.op === '-' ? a.minus(b) : a.times(b);
      }
    }
  };
  const result = ev(node);
  return result === null ? null : result.toDecimalPlaces(6).toString();
}

/** Compares two decimal strings exactly: −1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}
