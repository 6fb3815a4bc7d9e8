import { type SQL, asc, eq, inArray } from 'drizzle-orm';
import type { LineFlag, LineKind, ReportLine } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { compareCodes } from '../exchange/exchange.cells.js';
import { indicator } from '../indicators/indicators.table.js';
import { previousValues } from '../indicators/reported.service.js';
import { plan, planItem } from '../plans/plans.table.js';
import { previousItemProgress } from '../plans/progress-notes.service.js';
import { project } from '../projects/projects.table.js';
import { progressBefore } from '../projects/reported.service.js';
import type { LineRow } from './reporting.rows.js';
import { reportLine, reportLineFile } from './reporting.table.js';

/** A report line with what it is about: the item, indicator or project, read in one query. */
export interface LineInfo {
  line: LineRow;
  kind: LineKind;
  itemCode: string | null;
  itemTitle: string | null;
  planKind: string | null;
  progressMethod: string | null;
  indicatorCode: string | null;
  indicatorName: string | null;
  indicatorKind: string | null;
  direction: string | null;
  unitOfMeasure: string | null;
  projectCode: string | null;
  projectName: string | null;
}

/** What the checks compare a line with: last month's accepted figure and, for projects, what remains of the total. */
export interface LineFacts {
  previous: string | null;
  remaining?: number;
}

/** Annual work plans first, then strategic plans; project lines (no item) last. */
const planRank = (k: string | null) => (k === 'annual' ? 0 : k === null ? 2 : 1);

/** Report order: by item code (tree order, 1.2 before 1.10), then the position given at opening. */
export function byItemCode(a: LineInfo, b: LineInfo): number {
  const pa = planRank(a.planKind);
  const pb = planRank(b.planKind);
  if (pa !== pb) return pa - pb;
  if (a.itemCode && b.itemCode && a.itemCode !== b.itemCode) return compareCodes(a.itemCode, b.itemCode);
  return a.line.position - b.line.position;
}

/** Lines matching `where` with their item, indicator and project, in report order. */
export async function lineInfos(db: DbOrTx, where: SQL): Promise<LineInfo[]> {
  const rows = await db
    .select({
      line: reportLine,
      itemCode: planItem.code,
      itemTitle: planItem.title,
      planKind: plan.kind,
      progressMethod: planItem.progressMethod,
      indicatorCode: indicator.code,
      indicatorName: indicator.name,
      indicatorKind: indicator.kind,
      direction: indicator.direction,
      unitOfMeasure: indicator.unitOfMeasure,
      projectCode: project.code,
      projectName: project.name,
    })
    .from(reportLine)
    .leftJoin(planItem, eq(planItem.id, reportLine.itemId))
    .leftJoin(plan, eq(plan.id, planItem.planId))
    .leftJoin(indicator, eq(indicator.id, reportLine.indicatorId))
    .leftJoin(project, eq(project.id, reportLine.projectId))
    .where(where);
  return rows.map((r) => ({ ...r, kind: r.line.kind as LineKind })).sort(byItemCode);
}

/** Last month's accepted figures (and the projects' remaining totals) for the lines of one period. */
export async function lineFacts(db: DbOrTx, period: string, infos: LineInfo[]): Promise<Map<string, LineFacts>> {
  const ids = (kind: LineKind, pick: (l: LineRow) => string | null) => [...new Set(infos.filter((i) => i.kind === kind).map((i) => pick(i.line)!))];
  const values = await previousValues(db, ids('indicator', (l) => l.indicatorId), period);
  const projects = await progressBefore(db, ids('project', (l) => l.projectId), period);
  const notes = await previousItemProgress(db, ids('item', (l) => l.itemId), period);
  const out = new Map<string, LineFacts>();
  for (const i of infos) {
    const l = i.line;
    if (i.kind === 'indicator') out.set(l.id, { previous: values.get(l.indicatorId!) ?? null });
    else if (i.kind === 'item') out.set(l.id, { previous: notes.get(l.itemId!) ?? null });
    else {
      const p = projects.get(l.projectId!);
      out.set(l.id, { previous: p?.previous == null ? null : String(p.previous), ...(p ? { remaining: p.remaining } : {}) });
    }
  }
  return out;
}

export type EvidenceMeta = ReportLine['evidence'][number];

/** Evidence files of the lines, oldest first. */
export async function lineEvidence(db: DbOrTx, lineIds: string[]): Promise<Map<string, EvidenceMeta[]>> {
  const out = new Map<string, EvidenceMeta[]>();
  if (lineIds.length === 0) return out;
  const rows = await db.select().from(reportLineFile).where(inArray(reportLineFile.lineId, lineIds)).orderBy(asc(reportLineFile.createdAt), asc(reportLineFile.id));
  for (const r of rows) (out.get(r.lineId) ?? out.set(r.lineId, []).get(r.lineId)!).push({ id: r.id, name: r.originalName, size: r.size, mimeType: r.mimeType });
  return out;
}

/** Whether the line holds what it owes: a value, the month's investment, or the item's note. */
export function isFilled(l: Pick<LineRow, 'kind' | 'value' | 'completedInvestment' | 'note'>): boolean {
  if (l.kind === 'indicator') return l.value !== null;
  if (l.kind === 'project') return l.completedInvestment !== null;
  return l.note !== null;
}

export function lineView(i: LineInfo, facts: LineFacts | undefined, evidence: EvidenceMeta[]): ReportLine {
  const l = i.line;
  const label = i.kind === 'indicator' ? i.indicatorName : i.kind === 'project' ? i.projectName : i.itemTitle;
  return {
    id: l.id,
    kind: i.kind,
    itemId: l.itemId,
    itemCode: i.itemCode,
    itemTitle: i.itemTitle,
    indicatorId: l.indicatorId,
    projectId: l.projectId,
    label: label ?? '',
    code: i.kind === 'indicator' ? i.indicatorCode : i.kind === 'project' ? i.projectCode : i.itemCode,
    unitOfMeasure: i.kind === 'project' ? '万元' : i.kind === 'item' ? '%' : i.unitOfMeasure,
    indicatorKind: i.indicatorKind,
    previous: facts?.previous ?? null,
    value: l.value,
    currentAmount: l.currentAmount,
    lastYearAmount: l.lastYearAmount,
    completedInvestment: l.completedInvestment,
    imageProgress: l.imageProgress,
    progress: l.progress,
    remaining: i.kind === 'project' ? (facts?.remaining ?? null) : null,
    progressMethod: i.kind === 'item' ? ((i.progressMethod as ReportLine['progressMethod']) ?? null) : null,
    note: l.note,
    flags: l.flags as LineFlag[],
    returnReason: l.returnReason,
    filled: isFilled(l),
    evidence,
    version: l.version,
  };
}
