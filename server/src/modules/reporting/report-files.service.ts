import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { type UploadedFile, sniffType } from '../indicators/evidence.service.js';
import { type EvidenceMeta } from './report-lines.read.js';
import { assertEditable } from './lines.service.js';
import { type ReportScope, assertCanRead } from './reporting.policy.js';
import { findLine, loadReport } from './reporting.rows.js';
import { reportLine, reportLineFile, unitReport } from './reporting.table.js';
import { readStored, storeThen } from '../../platform/files.js';
import { cleanName } from '../../platform/uploads.js';

/** Evidence attached to report lines: stored like value evidence, linked to the value on acceptance. */

const MAX_FILES_PER_LINE = 20;


/**
 * Stores an evidence file of a line under a generated name in `filesDir` (type judged by content,
 * as for value evidence) while the report is editable. The file is written first and removed again
 * if the transaction fails. Audited as `report.evidence_add`.
 * @throws AppError not_found (report or line), forbidden (not staff of the unit), conflict (locked,
 *   not editable, or reason too_many_files), unsupported_media_type
 */
export async function addLineEvidence(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, lineId: string, file: UploadedFile, filesDir: string): Promise<EvidenceMeta> {
  const c = await loadReport(db, zoneId, reportId);
  await findLine(db, reportId, lineId);
  assertEditable(scope, c, 'evidence');
  const mimeType = sniffType(file.data, file.name);
  if (!mimeType) throw new AppError('unsupported_media_type');
  return storeThen(filesDir, file.data, ({ storedName, sha256 }) =>
    db.transaction(async (tx) => {
      // Re-checked under the report's lock: the report may have been submitted meanwhile.
      assertEditable(scope, await loadReport(tx, zoneId, reportId, true), 'evidence');
      const [n] = await tx.select({ n: count() }).from(reportLineFile).where(eq(reportLineFile.lineId, lineId));
      if ((n?.n ?? 0) >= MAX_FILES_PER_LINE) throw new AppError('conflict', { reason: 'too_many_files', limit: MAX_FILES_PER_LINE });
      const originalName = cleanName(file.name);
      const [row] = await tx.insert(reportLineFile).values({ zoneId, lineId, originalName, storedName, mimeType, size: file.data.length, sha256, createdBy: actor.userId }).returning();
      await recordAudit(tx, actor, {
        action: 'report.evidence_add',
        objectType: 'unit_report',
        objectId: reportId,
        summary: { unitId: c.report.unitId, period: c.cycle.period, lineId, fileId: row!.id, name: originalName, mimeType, size: file.data.length, sha256 },
      });
      return { id: row!.id, name: originalName, size: row!.size, mimeType };
    }),
  );
}

async function findFile(db: DbOrTx, zoneId: string, fileId: string) {
  const [row] = await db
    .select({ file: reportLineFile, reportId: reportLine.reportId, unitId: unitReport.unitId })
    .from(reportLineFile)
    .innerJoin(reportLine, eq(reportLine.id, reportLineFile.lineId))
    .innerJoin(unitReport, eq(unitReport.id, reportLine.reportId))
    .where(and(eq(reportLineFile.id, fileId), eq(reportLineFile.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * A line's evidence file with its content, for download by whoever may read the report.
 * @throws AppError not_found (no such file in the zone, or missing on disk), forbidden (another unit's report)
 */
export async function getReportFile(db: DbOrTx, scope: ReportScope, zoneId: string, fileId: string, filesDir: string): Promise<EvidenceMeta & { data: Buffer }> {
  const { file, unitId } = await findFile(db, zoneId, fileId);
  assertCanRead(scope, unitId);
  const data = await readStored(filesDir, file.storedName);
  return { id: file.id, name: file.originalName, size: file.size, mimeType: file.mimeType, data };
}

/**
 * Removes an evidence file from a line of an editable report. The stored file stays on disk for
 * the record (an accepted value may still link to it). Audited as `report.evidence_delete`.
 * @throws AppError not_found, forbidden, conflict (locked or not editable)
 */
export async function deleteReportFile(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, fileId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { file, reportId } = await findFile(tx, zoneId, fileId);
    const c = await loadReport(tx, zoneId, reportId, true);
    assertEditable(scope, c, 'evidence');
    await tx.delete(reportLineFile).where(eq(reportLineFile.id, fileId));
    await recordAudit(tx, actor, {
      action: 'report.evidence_delete',
      objectType: 'unit_report',
      objectId: reportId,
      summary: { unitId: c.report.unitId, period: c.cycle.period, lineId: file.lineId, fileId, name: file.originalName, sha256: file.sha256 },
    });
  });
}
