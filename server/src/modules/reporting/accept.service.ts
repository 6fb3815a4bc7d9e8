import { and, eq, inArray } from 'drizzle-orm';
import type { UnitReport } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type AppliedValue, type ReportedFile, applyReportedValue } from '../indicators/reported.service.js';
import { type AppliedProgress, applyReportedProgress } from '../projects/reported.service.js';
import { type AppliedNote, applyItemNote } from '../plans/progress-notes.service.js';
import { type LineInfo, isFilled, lineInfos } from './report-lines.read.js';
import type { ReportScope } from './reporting.policy.js';
import { REPORT_STAFF, notifyUnit } from './reporting.notify.js';
import { type ReportContext, loadReport } from './reporting.rows.js';
import { reportLine, reportLineFile } from './reporting.table.js';
import { lineCounts } from './reports.read.js';
import { applyStep, checkTransition, refOf } from './transitions.service.js';

/** Acceptance: the office's last step, the only one that makes a report's figures count. */

interface Applied {
  values: AppliedValue[];
  progress: AppliedProgress[];
  notes: AppliedNote[];
}

/** A service's refusal of one line, named as that line's field (`lines.<id>.completedInvestment`). */
function asLineError(lineId: string, e: unknown): unknown {
  const fields = e instanceof AppError && e.code === 'validation_failed' ? (e.details as { fields?: { field: string; issue: string; limit?: number | string }[] })?.fields : undefined;
  return fields ? fieldError(fields.map((f) => ({ ...f, field: `lines.${lineId}.${f.field}` }))) : e;
}

/** Unaccepted evidence files of the indicator lines, by line. */
async function pendingFiles(tx: DbOrTx, lineIds: string[]): Promise<Map<string, ReportedFile[]>> {
  const out = new Map<string, ReportedFile[]>();
  if (lineIds.length === 0) return out;
  const rows = await tx.select().from(reportLineFile).where(and(inArray(reportLineFile.lineId, lineIds), eq(reportLineFile.accepted, false)));
  for (const r of rows) {
    const f = { originalName: r.originalName, storedName: r.storedName, mimeType: r.mimeType, size: r.size, sha256: r.sha256 };
    (out.get(r.lineId) ?? out.set(r.lineId, []).get(r.lineId)!).push(f);
  }
  return out;
}

async function applyLine(tx: DbOrTx, actor: Actor, c: ReportContext, i: LineInfo, files: Map<string, ReportedFile[]>, out: Applied): Promise<void> {
  const l = i.line;
  const base = { period: c.cycle.period, note: l.note, reportId: c.report.id };
  if (i.kind === 'indicator') {
    out.values.push(await applyReportedValue(tx, actor, c.report.zoneId, { ...base, indicatorId: l.indicatorId!, value: l.value!, currentAmount: l.currentAmount, lastYearAmount: l.lastYearAmount, evidence: files.get(l.id) ?? [] }));
  } else if (i.kind === 'project') {
    out.progress.push(await applyReportedProgress(tx, actor, c.report.zoneId, { ...base, projectId: l.projectId!, completedInvestment: l.completedInvestment!, imageProgress: l.imageProgress }));
  } else {
    out.notes.push(await applyItemNote(tx, actor, c.report.zoneId, { ...base, itemId: l.itemId!, progress: l.progress }));
  }
}

/**
 * The office accepts an approved report: in one transaction with the state change, every line
 * becomes the accepted figure (indicator values with the line's evidence, project progress, item
 * notes and manual progress), summarised in one `report.accept` audit event. If any line cannot be
 * applied now (a project's total would be exceeded), nothing changes.
 * @returns the report as accepted (its summary)
 * @throws AppError not_found, forbidden, conflict (state), version_conflict,
 *   validation_failed (`lines.<id>.completedInvestment` exceeds_total, `lines.<id>` required)
 */
export async function acceptReport(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, version: number): Promise<UnitReport> {
  return db.transaction(async (tx) => {
    const c = await loadReport(tx, zoneId, reportId, true);
    checkTransition(scope, c, 'accept', version);
    const infos = await lineInfos(tx, eq(reportLine.reportId, reportId));
    const unfilled = infos.filter((i) => !isFilled(i.line));
    if (unfilled.length) throw fieldError(unfilled.map((i) => ({ field: `lines.${i.line.id}`, issue: 'required' })));
    const files = await pendingFiles(tx, infos.filter((i) => i.kind === 'indicator').map((i) => i.line.id));
    const applied: Applied = { values: [], progress: [], notes: [] };
    for (const i of infos) {
      try {
        await applyLine(tx, actor, c, i, files, applied);
      } catch (e) {
        throw asLineError(i.line.id, e);
      }
    }
    if (infos.length) await tx.update(reportLineFile).set({ accepted: true, updatedAt: new Date() }).where(inArray(reportLineFile.lineId, infos.map((i) => i.line.id)));
    const counts = await lineCounts(tx, reportId);
    return applyStep(tx, actor, c, 'accept', counts, { state: 'accepted', acceptedAt: new Date() }, { values: applied.values, progress: applied.progress, notes: applied.notes }, (v) =>
      notifyUnit(tx, refOf(c), REPORT_STAFF, 'accepted', `accepted:${reportId}:${v}`),
    );
  });
}
