import { BOOL_WORDS, norm } from './exchange.columns.js';

/** Reading one spreadsheet cell into a typed value. Pure: no workbook, no database. */

/** A cell's value once formulas, rich text and hyperlinks are reduced to what the cell shows. */
export type Raw = string | number | boolean | Date | null;

export type Read<T> = { ok: true; value: T } | { ok: false; issue: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (issue: string): Read<never> => ({ ok: false, issue });

/** Reduces an exceljs cell value (formula, rich text, hyperlink, error) to a plain value. */
export function rawOf(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('richText' in o && Array.isArray(o.richText)) return rawOf(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return rawOf(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('error' in o) return `#${String(o.error).replace(/^#/, '')}`;
    if ('text' in o) return rawOf(o.text);
  }
  return String(v as string);
}

/** What a cell shows, for messages ("got …"). */
export function shown(v: Raw): string {
  if (v === null) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function readText(v: Raw): Read<string> {
  if (v === null) return ok('');
  if (v instanceof Date) return ok(shown(v));
  return ok(String(v).trim());
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A number as a decimal string: 15 significant digits (what Excel shows), so float noise never reaches storage. */
export function numberToDecimal(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // At most 14 significant digits and no exponent: already what 15-digit rounding gives.
  const plain = String(n);
  if (plain.length <= 15 && !plain.includes('e')) return plain === '-0' ? '0' : plain;
  const p = Number(n.toPrecision(15));
  let s = String(p);
  if (/e/i.test(s)) s = p.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(p))) + 14))).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function readDecimal(v: Raw): Read<string> {
  if (typeof v === 'number') {
    const s = numberToDecimal(v);
    return s === null ? bad('not_a_number') : ok(s);
  }
  if (typeof v !== 'string') return bad('not_a_number');
  let s = v.trim().replace(/^\+/, '');
  // 1,234.5 with thousands separators, as Excel text often carries them.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  return DECIMAL.test(s) ? ok(s.replace(/^(-?)0+(?=\d)/, '$1')) : bad('not_a_number');
}

export function readInt(v: Raw): Read<number> {
  const d = readDecimal(v);
  if (!d.ok) return bad('not_an_integer');
  const n = Number(d.value);
  return Number.isSafeInteger(n) && !d.value.includes('.') ? ok(n) : bad('not_an_integer');
}

export function readBool(v: Raw): Read<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const t = norm(String(v ?? ''));
  if (BOOL_WORDS.true.some((w) => norm(w) === t)) return ok(true);
  if (BOOL_WORDS.false.some((w) => norm(w) === t)) return ok(false);
  return bad('not_a_boolean');
}

const pad = (n: number) => String(n).padStart(2, '0');
function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Excel's 1900 date system: day 25569 is 1970-01-01. */
export const fromSerial = (serial: number) => new Date(Math.round((serial - 25569) * 86400000));

/** A date cell, an Excel serial number, or text like 2021-03-15, 2021/3/15, 2021.3.15, 2021年3月15日. */
export function readDate(v: Raw): Read<string> {
  let d: Date | null = null;
  if (v instanceof Date) d = v;
  else if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 80000) d = fromSerial(v);
  if (d) {
    if (isNaN(d.getTime())) return bad('not_a_date');
    // exceljs reads date cells as UTC midnight; keep the calendar day as written.
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    return validDate(y, m, day) ? ok(`${y}-${pad(m)}-${pad(day)}`) : bad('not_a_date');
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(v ?? '').trim());
  if (!match) return bad('not_a_date');
  const [y, m, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return validDate(y, m, day) ? ok(`${y}-${pad(m)}-${pad(day)}`) : bad('not_a_date');
}

/** A month: text 2021-03 / 2021/3 / 2021年3月 / 202103, or a date cell (Excel turns typed "2021-03" into one). */
export function readPeriod(v: Raw): Read<string> {
  let y: number, m: number;
  if (v instanceof Date) [y, m] = [v.getUTCFullYear(), v.getUTCMonth() + 1];
  else {
    const text = typeof v === 'number' ? String(v) : String(v ?? '').trim();
    const match = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/.exec(text);
    if (!match) return bad('invalid_period');
    [y, m] = [Number(match[1]), Number(match[2] ?? match[3])];
  }
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 ? ok(`${y}-${pad(m)}`) : bad('invalid_period');
}

const ITEM_CODE = /^[1-9]\d{0,3}(\.[1-9]\d{0,3}){0,19}$/;
/**
 * An item code 1.2.3. A non-integer number is refused: Excel turns a typed 1.10 into 1.1,
 * so the code it holds may not be the one the user meant.
 */
export function readItemCode(v: Raw): Read<string> {
  if (typeof v === 'number') return Number.isInteger(v) && ITEM_CODE.test(String(v)) ? ok(String(v)) : bad('code_as_number');
  const s = typeof v === 'string' ? v.trim().replace(/\.$/, '') : '';
  return ITEM_CODE.test(s) ? ok(s) : bad('invalid_code');
}

export const parentCodeOf = (code: string): string | null => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);
export const lastSegment = (code: string): number => Number(code.slice(code.lastIndexOf('.') + 1));

/** Tree order: parents before children, siblings by number (1 < 1.2 < 1.10 < 2). */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Splits a co-unit list on ; ； 、 , ， or new lines. */
export const splitList = (s: string): string[] => s.split(/[;；、,，\n]+/).map((p) => p.trim()).filter(Boolean);
