import type { ColumnSpec, SheetKey } from './exchange.columns.js';
import { optionOf } from './exchange.columns.js';
import {
  type Raw,
  type Read,
  readBool,
  readDate,
  readDecimal,
  readInt,
  readItemCode,
  readPeriod,
  readText,
  shown,
  splitList,
} from './exchange.cells.js';

/** Shared row rules: a row of cells → typed fields, and zod issues → cell-level issues. Pure. */

/** One problem, located in the workbook (`K`: the import's sheet keys). `got`/`expected`/`limit` feed the message. */
export interface RowIssue<K extends string = SheetKey> {
  sheet: K;
  /** The sheet's name as the workbook spells it. */
  sheetName: string;
  row: number;
  /** Excel column letters ("C"), or '' when the problem is not one cell's. */
  column: string;
  field: string;
  issue: string;
  got?: string;
  expected?: string;
  limit?: number | string;
}

export interface RawRow {
  row: number;
  cells: Record<string, Raw>;
}

/** A sheet as read from the workbook: its rows and where each known column sits (field → column letters). */
export interface SheetData<K extends string = SheetKey> {
  key: K;
  name: string;
  columns: Record<string, string>;
  rows: RawRow[];
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
}

/** Resolves a unit by code, full name or short name; a name shared by several units is ambiguous. */
export function unitResolver(units: UnitRef[]): (text: string) => Read<string> {
  const byCode = new Map(units.map((u) => [u.code.toLowerCase(), u.id]));
  const byName = new Map<string, Set<string>>();
  for (const u of units) {
    for (const n of [u.name, u.shortName]) if (n) byName.set(n, (byName.get(n) ?? new Set()).add(u.id));
  }
  return (text) => {
    const code = byCode.get(text.toLowerCase());
    if (code) return { ok: true, value: code };
    const ids = byName.get(text);
    if (!ids) return { ok: false, issue: 'unknown_unit' };
    return ids.size === 1 ? { ok: true, value: [...ids][0]! } : { ok: false, issue: 'ambiguous_unit' };
  };
}

export type FieldIssue = Pick<RowIssue, 'field' | 'issue' | 'got' | 'expected' | 'limit'>;

function readCell(spec: ColumnSpec, raw: Raw, unit: (t: string) => Read<string>): Read<unknown> & { got?: string } {
  switch (spec.kind) {
    case 'itemCode': return readItemCode(raw);
    case 'indicatorCode':
    case 'text': return readText(raw);
    case 'decimal': return readDecimal(raw);
    case 'int': return readInt(raw);
    case 'date': return readDate(raw);
    case 'bool': return readBool(raw);
    case 'period': return readPeriod(raw);
    case 'enum': {
      const id = optionOf(spec.options ?? {}, String(raw));
      return id ? { ok: true, value: id } : { ok: false, issue: 'unknown_option' };
    }
    case 'unit': return unit(String(raw).trim());
    case 'units': {
      const ids: string[] = [];
      for (const name of splitList(String(raw))) {
        const r = unit(name);
        if (!r.ok) return { ...r, got: name };
        if (!ids.includes(r.value)) ids.push(r.value);
      }
      return { ok: true, value: ids };
    }
  }
}

/**
 * Reads every known column of a row. A blank cell is left out (not given); a blank required cell
 * and an unreadable cell become issues naming the field.
 */
export function readRow(specs: readonly ColumnSpec[], row: RawRow, unit: (t: string) => Read<string>): { fields: Record<string, unknown>; issues: FieldIssue[] } {
  const fields: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const spec of specs) {
    const raw = row.cells[spec.key] ?? null;
    if (raw === null) {
      if (spec.required) issues.push({ field: spec.key, issue: 'required' });
      continue;
    }
    const r = readCell(spec, raw, unit);
    if (r.ok) fields[spec.key] = r.value;
    else issues.push({ field: spec.key, issue: r.issue, got: r.got ?? shown(raw), ...(spec.kind === 'enum' ? { expected: optionList(spec) } : {}) });
  }
  return { fields, issues };
}

const optionList = (spec: ColumnSpec) => Object.values(spec.options ?? {}).map((w) => w[0]).join(' / ');

interface ZodIssueLike {
  path: PropertyKey[];
  code: string;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
}

/** Maps zod issues on a request body back to row fields (`leadUnitId` → `leadUnit`). */
export function zodToFields(issues: readonly ZodIssueLike[], bodyToField: Record<string, string>, got: (field: string) => string | undefined): FieldIssue[] {
  return issues.map((i) => {
    const key = String(i.path[0] ?? '');
    const field = bodyToField[key] ?? key;
    const limit = (i.maximum ?? i.minimum) as number | undefined;
    const issue = i.code === 'too_big' && i.origin === 'string' ? 'too_long' : i.code === 'too_small' && i.origin === 'string' ? 'required' : i.code;
    return { field, issue, got: got(field), ...(limit !== undefined && issue !== 'required' ? { limit: Number(limit) } : {}) };
  });
}

/** Places field issues on the sheet: the column letter where the field's column is. */
export function locate<K extends string>(sheet: SheetData<K>, row: number, issues: FieldIssue[]): RowIssue<K>[] {
  return issues.map((i) => ({ sheet: sheet.key, sheetName: sheet.name, row, column: sheet.columns[i.field] ?? '', ...i }));
}

const SHEET_ORDER: readonly string[] = ['items', 'indicators', 'values'];
/** Report order: sheet (a plan's in workbook order), row, then column left to right (B before AA). */
export function byPlace(a: RowIssue<string>, b: RowIssue<string>): number {
  return SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);
}

/** Two decimal strings name the same number (1 = 1.0 = 1.000). */
export function sameDecimal(a: string | null | undefined, b: string | null | undefined): boolean {
  const n = (s: string | null | undefined) => (s == null ? null : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  return n(a) === n(b);
}

/** The fields of `next` that differ from `current`, compared by the given equality per key. */
export function changedFields<T extends object>(next: T, current: object, decimals: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  const cur0 = current as Record<string, unknown>;
  for (const [k, v] of Object.entries(next)) {
    const cur = cur0[k];
    const same = decimals.includes(k)
      ? sameDecimal(v as string | null, cur as string | null)
      : Array.isArray(v) && Array.isArray(cur)
        ? v.length === cur.length && [...v].sort().join() === [...cur].sort().join()
        : (v ?? null) === (cur ?? null);
    if (!same) out[k] = v;
  }
  return out as Partial<T>;
}
