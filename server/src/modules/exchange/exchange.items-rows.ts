import {
  type CreateIndicatorBody,
  type CreateItemBody,
  FormulaError,
  type UpdateIndicatorBody,
  type UpdateItemBody,
  compareDecimals,
  createIndicatorBody,
  createItemBody,
  formulaReferences,
  parseFormula,
} from '@lantu/core';
import { projectSourceIssues } from '../indicators/indicators.checks.js';
import { INDICATOR_COLUMNS, ITEM_COLUMNS } from './exchange.columns.js';
import { compareCodes, lastSegment, parentCodeOf, shown } from './exchange.cells.js';
import { type FieldIssue, type RawRow, byPlace, type RowIssue, type SheetData, type UnitRef, changedFields, locate, readRow, unitResolver, zodToFields } from './exchange.rows.js';

/** Row rules of an items import (sheets 事项 and 指标): every row checked, then the tree across rows. Pure. */

/** Deepest nesting of the item tree (plans/tree.ts MAX_DEPTH). */
export const MAX_ITEM_DEPTH = 12;

export interface ExistingItem {
  id: string;
  code: string;
  version: number;
  title: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  weight: string;
  startDate: string | null;
  dueDate: string | null;
  progressMethod: string;
  isPublic: boolean;
}

export interface ExistingIndicator {
  id: string;
  code: string;
  /** The plan the indicator's item belongs to: codes are unique in the whole zone. */
  planId: string;
  itemCode: string;
  version: number;
  position: number;
  fields: Record<string, unknown>;
}

export interface ItemsContext {
  planId: string;
  startYear: number;
  endYear: number;
  units: UnitRef[];
  items: ExistingItem[];
  indicators: ExistingIndicator[];
}

type ItemFields = Omit<CreateItemBody, 'parentId'>;
export type ItemOp = { row: number; code: string } & ({ op: 'create'; parentCode: string | null; body: ItemFields } | { op: 'update'; id: string; body: UpdateItemBody });
export type IndicatorOp = { row: number; code: string } & ({ op: 'create'; itemCode: string; body: CreateIndicatorBody } | { op: 'update'; id: string; body: UpdateIndicatorBody });

export interface ItemsPlan {
  issues: RowIssue[];
  items: ItemOp[];
  indicators: IndicatorOp[];
  /** Rows identical to what the plan already holds. */
  unchanged: number;
}

const ITEM_BODY: Record<string, string> = { leadUnitId: 'leadUnit', coUnitIds: 'coUnits' };
const INDICATOR_BODY: Record<string, string> = { reportingUnitId: 'reportingUnit' };
const ITEM_DECIMALS = ['weight'];
const INDICATOR_DECIMALS = ['baseline', 'target', 'bandLow', 'bandHigh', 'weight'];

const rename = (fields: Record<string, unknown>, map: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [Object.entries(map).find(([, f]) => f === k)?.[0] ?? k, v]));

/** Fields already wrong keep their first issue; zod's issues on them add nothing. */
const merge = (a: FieldIssue[], b: FieldIssue[]) => [...a, ...b.filter((i) => !a.some((x) => x.field === i.field))];

interface ParsedItem { row: number; code: string | undefined; body: ItemFields; ok: boolean }

function parseItems(sheet: SheetData, unit: ReturnType<typeof unitResolver>, issues: RowIssue[]): ParsedItem[] {
  return sheet.rows.map((row) => {
    const { fields, issues: own } = readRow(ITEM_COLUMNS, row, unit);
    const { code, ...rest } = fields;
    const body = rename(rest, ITEM_BODY);
    const parsed = createItemBody.safeParse({ parentId: null, ...body });
    let all = parsed.success ? own : merge(own, zodToFields(parsed.error.issues, ITEM_BODY, (f) => shown(row.cells[f] ?? null)));
    if (body.startDate && body.dueDate && String(body.dueDate) < String(body.startDate)) all = merge(all, [{ field: 'dueDate', issue: 'before_start', got: String(body.dueDate) }]);
    if (typeof body.weight === 'string' && !all.some((x) => x.field === 'weight') && compareDecimals(body.weight, '0') < 0) all = merge(all, [{ field: 'weight', issue: 'range', limit: 0 }]);
    issues.push(...locate(sheet, row.row, all));
    const { parentId: _p, ...clean } = parsed.success ? parsed.data : { parentId: null };
    return { row: row.row, code: code as string | undefined, body: clean as ItemFields, ok: all.length === 0 };
  });
}

/** Codes must form a tree: unique, a known parent, no gaps after the siblings a parent already has. */
function treeIssues(rows: ParsedItem[], existing: Map<string, ExistingItem>): FieldIssue[][] {
  const out = rows.map((): FieldIssue[] => []);
  const seen = new Map<string, number>();
  const fileCodes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
  const childCount = new Map<string | null, number>();
  for (const code of existing.keys()) childCount.set(parentCodeOf(code), (childCount.get(parentCodeOf(code)) ?? 0) + 1);
  const newByParent = new Map<string | null, number[]>();
  rows.forEach((r, i) => {
    if (!r.code) return;
    const first = seen.get(r.code);
    if (first !== undefined) return out[i]!.push({ field: 'code', issue: 'duplicate', got: r.code, expected: String(first) });
    seen.set(r.code, r.row);
    if (r.code.split('.').length > MAX_ITEM_DEPTH) return out[i]!.push({ field: 'code', issue: 'too_deep', got: r.code, limit: MAX_ITEM_DEPTH });
    const parent = parentCodeOf(r.code);
    if (parent && !existing.has(parent) && !fileCodes.has(parent)) return out[i]!.push({ field: 'code', issue: 'parent_missing', got: r.code, expected: parent });
    if (!existing.has(r.code)) newByParent.set(parent, [...(newByParent.get(parent) ?? []), i]);
  });
  // createItem appends a last child, so new siblings must continue the existing ones: n+1, n+2, …
  for (const [parent, idx] of newByParent) {
    const n = childCount.get(parent) ?? 0;
    idx.sort((a, b) => compareCodes(rows[a]!.code!, rows[b]!.code!)).forEach((i, k) => {
      const want = n + k + 1;
      if (lastSegment(rows[i]!.code!) !== want) out[i]!.push({ field: 'code', issue: 'code_gap', got: rows[i]!.code!, expected: parent ? `${parent}.${want}` : String(want) });
    });
  }
  return out;
}

function itemOps(sheet: SheetData, rows: ParsedItem[], existing: Map<string, ExistingItem>, issues: RowIssue[]): { ops: ItemOp[]; unchanged: number } {
  const tree = treeIssues(rows, existing);
  const ops: ItemOp[] = [];
  let unchanged = 0;
  rows.forEach((r, i) => {
    issues.push(...locate(sheet, r.row, tree[i]!));
    if (!r.ok || !r.code || tree[i]!.length) return;
    const cur = existing.get(r.code);
    if (!cur) return ops.push({ op: 'create', row: r.row, code: r.code, parentCode: parentCodeOf(r.code), body: r.body });
    const changes = changedFields(r.body, cur as unknown as Record<string, unknown>, ITEM_DECIMALS);
    if (Object.keys(changes).length === 0) return unchanged++;
    ops.push({ op: 'update', row: r.row, code: r.code, id: cur.id, body: { version: cur.version, ...changes } });
  });
  // Parents before children, siblings in code order: each create lands where its code says.
  ops.sort((a, b) => (a.op === b.op ? (a.op === 'create' ? compareCodes(a.code, b.code) : a.row - b.row) : a.op === 'update' ? -1 : 1));
  return { ops, unchanged };
}

/**
 * The pure part of the indicator service's checks (indicators.checks.ts), run here so a bad row is
 * reported with its cell before anything is saved. `known` holds the codes a formula may reference.
 */
export function indicatorRules(b: Partial<CreateIndicatorBody>, known: (code: string) => boolean): FieldIssue[] {
  const out: FieldIssue[] = [];
  const has = (v: unknown) => v !== null && v !== undefined;
  if (b.kind === 'limit' && !b.limitMode) out.push({ field: 'limitMode', issue: 'required' });
  if (b.kind === 'limit' && b.limitMode === 'about') {
    if (!has(b.bandLow)) out.push({ field: 'bandLow', issue: 'required' });
    if (!has(b.bandHigh)) out.push({ field: 'bandHigh', issue: 'required' });
    if (b.bandLow && b.bandHigh && compareDecimals(b.bandLow, b.bandHigh) > 0) out.push({ field: 'bandHigh', issue: 'below_low', got: b.bandHigh });
  }
  if ((b.kind === 'level' || b.kind === 'change') && !has(b.baseline)) out.push({ field: 'baseline', issue: 'required' });
  out.push(...projectRules(b));
  // The service's default: a formula without a source makes a formula indicator.
  if ((b.source ?? (b.formula ? 'formula' : 'reported')) !== 'formula') {
    if (b.formula) out.push({ field: 'formula', issue: 'formula_not_allowed' });
  } else if (!b.formula) out.push({ field: 'formula', issue: 'required' });
  else {
    try {
      const missing = formulaReferences(parseFormula(b.formula)).find((c) => c !== b.code && !known(c));
      if (missing) out.push({ field: 'formula', issue: 'unknown_reference', got: missing });
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      out.push({ field: 'formula', issue: 'formula_syntax', got: b.formula, limit: e.position });
    }
  }
  return out;
}

/**
 * A workbook has no column for the project filter: an import keeps the stored filter as it is, so it
 * can neither make an indicator project-driven nor turn a project-driven one into another source.
 */
function projectRules(b: Partial<CreateIndicatorBody>): FieldIssue[] {
  const draft = { source: b.source ?? 'reported', kind: b.kind ?? '', unitOfMeasure: b.unitOfMeasure ?? '', projectFilter: b.projectFilter ?? null };
  return projectSourceIssues(draft).map((i): FieldIssue => {
    if (i.field === 'kind') return { field: 'kind', issue: i.issue };
    if (i.field !== 'projectFilter') return { field: i.field, issue: i.issue, got: b.unitOfMeasure };
    return { field: 'source', issue: i.issue === 'required' ? 'projects_filter_missing' : 'projects_source_only' };
  });
}

interface IndicatorScope {
  ctx: ItemsContext;
  existing: Map<string, ExistingIndicator>;
  knownItems: Set<string>;
  /** Codes a formula may reference: the zone's indicators and those in the file. */
  knownCodes: Set<string>;
  seen: Map<string, number>;
  unit: ReturnType<typeof unitResolver>;
}

/** One 指标 row: its issues, and the create or update it asks for (null when it changes nothing). */
function indicatorRow(row: RawRow, s: IndicatorScope): { issues: FieldIssue[]; op: IndicatorOp | null } {
  const { fields, issues: own } = readRow(INDICATOR_COLUMNS, row, s.unit);
  const { itemCode, ...rest } = fields as Record<string, unknown> & { itemCode?: string };
  if (rest.year === undefined && s.ctx.startYear === s.ctx.endYear) rest.year = s.ctx.startYear;
  const parsed = createIndicatorBody.safeParse(rename(rest, INDICATOR_BODY));
  const code = parsed.success ? parsed.data.code : undefined;
  const cur = code ? s.existing.get(code) : undefined;
  // On an update a blank cell keeps the stored value, so the rules judge the merged indicator.
  const merged = parsed.success ? { ...(cur?.planId === s.ctx.planId ? cur.fields : {}), ...parsed.data } : undefined;
  let all = merged ? merge(own, indicatorRules(merged, (c) => s.knownCodes.has(c))) : merge(own, zodToFields(parsed.error!.issues, INDICATOR_BODY, (f) => shown(row.cells[f] ?? null)));
  const cross: FieldIssue[] = [];
  if (itemCode && !s.knownItems.has(itemCode)) cross.push({ field: 'itemCode', issue: 'unknown_item', got: itemCode });
  if (code && s.seen.has(code)) cross.push({ field: 'code', issue: 'duplicate', got: code, expected: String(s.seen.get(code)) });
  else if (code) s.seen.set(code, row.row);
  if (cur && cur.planId !== s.ctx.planId) cross.push({ field: 'code', issue: 'code_taken', got: code });
  else if (cur && itemCode && cur.itemCode !== itemCode) cross.push({ field: 'itemCode', issue: 'item_mismatch', got: itemCode, expected: cur.itemCode });
  all = merge(all, cross);
  if (all.length || !parsed.success || !itemCode) return { issues: all, op: null };
  if (!cur) return { issues: [], op: { op: 'create', row: row.row, code: parsed.data.code, itemCode, body: parsed.data } };
  const { code: _c, ...changes } = changedFields(parsed.data, cur.fields, INDICATOR_DECIMALS);
  if (Object.keys(changes).length === 0) return { issues: [], op: null };
  return { issues: [], op: { op: 'update', row: row.row, code: parsed.data.code, id: cur.id, body: { version: cur.version, ...changes } } };
}

/** The codes a formula indicator references (none for other sources or unreadable formulas). */
function refsOf(f: { source?: unknown; formula?: unknown }): string[] {
  if ((f.source ?? (f.formula ? 'formula' : 'reported')) !== 'formula' || typeof f.formula !== 'string') return [];
  try {
    return formulaReferences(parseFormula(f.formula));
  } catch {
    return [];
  }
}

/** Formulas the file creates or changes that lead back to themselves through the zone's other formulas. */
export function formulaCycles(ops: IndicatorOp[], zone: ExistingIndicator[]): IndicatorOp[] {
  const graph = new Map(zone.map((x) => [x.code, refsOf(x.fields)]));
  const current = new Map(zone.map((x) => [x.code, x.fields]));
  for (const op of ops) graph.set(op.code, refsOf({ ...(current.get(op.code) ?? {}), ...op.body }));
  const reaches = (from: string[], target: string) => {
    const seen = new Set<string>();
    for (const stack = [...from]; stack.length; ) {
      const c = stack.pop()!;
      if (c === target) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(graph.get(c) ?? []));
    }
    return false;
  };
  return ops.filter((op) => reaches(graph.get(op.code) ?? [], op.code));
}

/**
 * Order of saving: updates, then creates with every formula after the indicators it references
 * (the service checks references against what is already saved).
 */
export function orderIndicatorOps(ops: IndicatorOp[]): IndicatorOp[] {
  const refs = (op: IndicatorOp) => (op.op === 'create' ? refsOf(op.body).filter((c) => c !== op.code) : []);
  const pending = new Set(ops.filter((o) => o.op === 'create').map((o) => o.code));
  const out: IndicatorOp[] = ops.filter((o) => o.op === 'update');
  let rest = ops.filter((o) => o.op === 'create');
  while (rest.length) {
    const ready = rest.filter((o) => refs(o).every((c) => !pending.has(c)));
    // A cycle: keep file order and let the service name it.
    const batch = ready.length ? ready : rest;
    for (const o of batch) pending.delete(o.code);
    out.push(...batch);
    rest = rest.filter((o) => !batch.includes(o));
  }
  return out;
}

function indicatorOps(sheet: SheetData, ctx: ItemsContext, knownItems: Set<string>, unit: ReturnType<typeof unitResolver>, issues: RowIssue[]): { ops: IndicatorOp[]; unchanged: number } {
  const existing = new Map(ctx.indicators.map((x) => [x.code, x]));
  const knownCodes = new Set([...existing.keys(), ...sheet.rows.map((r) => String(r.cells.code ?? '').trim()).filter(Boolean)]);
  const scope: IndicatorScope = { ctx, existing, knownItems, knownCodes, seen: new Map(), unit };
  const ops: IndicatorOp[] = [];
  let unchanged = 0;
  for (const row of sheet.rows) {
    const r = indicatorRow(row, scope);
    issues.push(...locate(sheet, row.row, r.issues));
    if (r.op) ops.push(r.op);
    else if (r.issues.length === 0) unchanged++;
  }
  for (const op of formulaCycles(ops, ctx.indicators)) issues.push(...locate(sheet, op.row, [{ field: 'formula', issue: 'cycle' }]));
  return { ops: orderIndicatorOps(ops), unchanged };
}

/** Checks every row of an items workbook and plans the changes; nothing is planned for a file with issues. */
export function planItemsImport(sheets: { items?: SheetData; indicators?: SheetData }, ctx: ItemsContext): ItemsPlan {
  const issues: RowIssue[] = [];
  const unit = unitResolver(ctx.units);
  const existing = new Map(ctx.items.map((i) => [i.code, i]));
  const parsed = sheets.items ? parseItems(sheets.items, unit, issues) : [];
  const items = sheets.items ? itemOps(sheets.items, parsed, existing, issues) : { ops: [], unchanged: 0 };
  const known = new Set([...existing.keys(), ...parsed.map((r) => r.code).filter((c): c is string => !!c)]);
  const indicators = sheets.indicators ? indicatorOps(sheets.indicators, ctx, known, unit, issues) : { ops: [], unchanged: 0 };
  issues.sort(byPlace);
  const ok = issues.length === 0;
  return { issues, items: ok ? items.ops : [], indicators: ok ? indicators.ops : [], unchanged: items.unchanged + indicators.unchanged };
}
