import { and, eq, inArray } from 'drizzle-orm';
import { type FieldIssue, FormulaError, MONEY_UNITS, compareDecimals, formulaReferences, parseFormula } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { fieldError } from '../../platform/errors.js';
import { unit } from '../units/units.table.js';
import { indicator } from './indicators.table.js';

/** The fields of an indicator (as it would be after the change) that the checks look at. */
export interface IndicatorDraft {
  code: string;
  kind: string;
  unitOfMeasure: string;
  baseline: string | null;
  limitMode: string | null;
  bandLow: string | null;
  bandHigh: string | null;
  source: string;
  formula: string | null;
  projectFilter: { measure: string } | null;
  reportingUnitId: string | null;
}

/** Kinds a project-driven indicator may take: a flow of the registry (amount) or its state (level). */
const PROJECT_KINDS = ['amount', 'level'];

/**
 * The rules of a project-driven indicator (pure): source `projects` needs a filter and nothing else
 * has one; it is an amount or a level; a money measure is stated in 万元 or 亿元.
 */
export function projectSourceIssues(d: Pick<IndicatorDraft, 'source' | 'kind' | 'unitOfMeasure' | 'projectFilter'>): FieldIssue[] {
  if (d.source !== 'projects') return d.projectFilter ? [{ field: 'projectFilter', issue: 'projects_source_only' }] : [];
  const out: FieldIssue[] = [];
  if (!d.projectFilter) out.push({ field: 'projectFilter', issue: 'required' });
  if (!PROJECT_KINDS.includes(d.kind)) out.push({ field: 'kind', issue: 'not_for_source', limit: PROJECT_KINDS.join('|') });
  if (d.projectFilter && d.projectFilter.measure !== 'count' && !Object.hasOwn(MONEY_UNITS, d.unitOfMeasure)) {
    out.push({ field: 'unitOfMeasure', issue: 'money_unit_required', limit: Object.keys(MONEY_UNITS).join('|') });
  }
  return out;
}

const refsOf = (formula: string | null): string[] => {
  if (!formula) return [];
  try {
    return formulaReferences(parseFormula(formula));
  } catch {
    return [];
  }
};

/** The zone's formula indicators as a graph: code → referenced codes. */
async function formulaGraph(db: DbOrTx, zoneId: string): Promise<Map<string, { id: string; refs: string[] }>> {
  const rows = await db.select({ id: indicator.id, code: indicator.code, formula: indicator.formula }).from(indicator).where(and(eq(indicator.zoneId, zoneId), eq(indicator.source, 'formula')));
  return new Map(rows.map((r) => [r.code, { id: r.id, refs: refsOf(r.formula) }]));
}

/** Whether following references from `start` leads back to `target`. */
function reaches(graph: Map<string, { refs: string[] }>, start: string[], target: string): boolean {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const code = stack.pop()!;
    if (code === target) return true;
    if (seen.has(code)) continue;
    seen.add(code);
    stack.push(...(graph.get(code)?.refs ?? []));
  }
  return false;
}

async function formulaIssues(db: DbOrTx, zoneId: string, d: IndicatorDraft, selfId?: string): Promise<FieldIssue[]> {
  if (d.source !== 'formula') return d.formula ? [{ field: 'formula', issue: 'not_allowed' }] : [];
  if (!d.formula) return [{ field: 'formula', issue: 'required' }];
  let refs: string[];
  try {
    refs = formulaReferences(parseFormula(d.formula));
  } catch (e) {
    if (e instanceof FormulaError) return [{ field: 'formula', issue: 'syntax', limit: e.position }];
    throw e;
  }
  const others = refs.filter((c) => c !== d.code);
  const known = others.length ? await db.select({ code: indicator.code, id: indicator.id }).from(indicator).where(and(eq(indicator.zoneId, zoneId), inArray(indicator.code, others))) : [];
  const missing = others.find((c) => !known.some((k) => k.code === c && k.id !== selfId));
  if (missing) return [{ field: 'formula', issue: 'unknown_reference', limit: missing }];
  const graph = await formulaGraph(db, zoneId);
  for (const [code, node] of graph) if (node.id === selfId) graph.delete(code);
  graph.set(d.code, { id: selfId ?? '', refs });
  return reaches(graph, refs, d.code) ? [{ field: 'formula', issue: 'cycle' }] : [];
}

/**
 * Checks an indicator beyond its shape: a limit needs its mode (`about` a band low ≤ high),
 * level and change need a baseline, a formula parses and references existing indicators of the
 * zone without cycles, a project-driven indicator has its filter (projectSourceIssues), the code
 * is free in the zone, the reporting unit is in the zone.
 * @throws AppError validation_failed naming every failing field
 */
export async function checkIndicator(db: DbOrTx, zoneId: string, d: IndicatorDraft, selfId?: string): Promise<void> {
  const issues: FieldIssue[] = [];
  const [taken] = await db.select({ id: indicator.id }).from(indicator).where(and(eq(indicator.zoneId, zoneId), eq(indicator.code, d.code)));
  if (taken && taken.id !== selfId) issues.push({ field: 'code', issue: 'taken' });
  if (d.kind === 'limit' && !d.limitMode) issues.push({ field: 'limitMode', issue: 'required' });
  if (d.kind === 'limit' && d.limitMode === 'about') {
    if (d.bandLow === null) issues.push({ field: 'bandLow', issue: 'required' });
    if (d.bandHigh === null) issues.push({ field: 'bandHigh', issue: 'required' });
    if (d.bandLow !== null && d.bandHigh !== null && compareDecimals(d.bandLow, d.bandHigh) > 0) issues.push({ field: 'bandHigh', issue: 'below_low', limit: d.bandLow });
  }
  if ((d.kind === 'level' || d.kind === 'change') && d.baseline === null) issues.push({ field: 'baseline', issue: 'required' });
  if (d.reportingUnitId) {
    const [u] = await db.select({ id: unit.id }).from(unit).where(and(eq(unit.id, d.reportingUnitId), eq(unit.zoneId, zoneId)));
    if (!u) issues.push({ field: 'reportingUnitId', issue: 'not_found' });
  }
  issues.push(...projectSourceIssues(d));
  issues.push(...(await formulaIssues(db, zoneId, d, selfId)));
  if (issues.length) throw fieldError(issues);
}

/**
 * Codes of the zone's formula indicators (other than `selfId`) whose formula references `code`.
 */
export async function referencedBy(db: DbOrTx, zoneId: string, code: string, selfId: string): Promise<string[]> {
  const graph = await formulaGraph(db, zoneId);
  return [...graph].filter(([, n]) => n.id !== selfId && n.refs.includes(code)).map(([c]) => c);
}
