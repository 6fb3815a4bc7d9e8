import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { IndicatorValue } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { cleanName } from '../../platform/uploads.js';
import { evidenceFile, indicator, indicatorValue } from './indicators.table.js';
import { readStored, storeThen } from '../../platform/files.js';

export type EvidenceMeta = IndicatorValue['evidence'][number];
export interface UploadedFile {
  /** The name the client gave; kept for display and the download, never used as a path. */
  name: string;
  data: Buffer;
}

const MAX_FILES_PER_VALUE = 20;
const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** A text file: valid UTF-8, no control characters but tab and line breaks, and not markup. */
function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) && !/^\s*</.test(text.replace(/^\ufeff/, ''));
}

/**
 * The file's type judged by its content (magic bytes), never by the client's claim: PDF, PNG,
 * JPEG, DOCX and XLSX (a zip holding [Content_Types].xml and word/ or xl/), and plain text or CSV
 * when the name says so and the content is text that is not markup.
 * @returns the MIME type to store and serve, or null when the type is not accepted
 */
export function sniffType(data: Buffer, name: string): string | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const latin = data.toString('latin1');
    if (!latin.includes('[Content_Types].xml')) return null;
    if (latin.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (latin.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return null;
  }
  const ext = path.extname(name).toLowerCase();
  if ((ext === '.txt' || ext === '.csv') && data.length > 0 && isPlainText(data)) return ext === '.csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
  return null;
}


/**
 * Stores an evidence file of a value under a generated name in `filesDir` and records it with
 * its SHA-256. The file is written first and removed again if the transaction fails.
 * @throws AppError not_found (value), unsupported_media_type (content not an accepted type),
 *   conflict (reason too_many_files)
 */
export async function addEvidence(db: DbOrTx, actor: Actor, zoneId: string, valueId: string, file: UploadedFile, filesDir: string): Promise<EvidenceMeta> {
  const [value] = await db
    .select({ id: indicatorValue.id, period: indicatorValue.period, indicatorId: indicator.id, itemId: indicator.itemId })
    .from(indicatorValue)
    .innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
    .where(and(eq(indicatorValue.id, valueId), eq(indicatorValue.zoneId, zoneId)));
  if (!value) throw new AppError('not_found');
  const mimeType = sniffType(file.data, file.name);
  if (!mimeType) throw new AppError('unsupported_media_type');
  return storeThen(filesDir, file.data, ({ storedName, sha256 }) =>
    db.transaction(async (tx) => {
      const [n] = await tx.select({ n: count() }).from(evidenceFile).where(eq(evidenceFile.valueId, valueId));
      if ((n?.n ?? 0) >= MAX_FILES_PER_VALUE) throw new AppError('conflict', { reason: 'too_many_files', limit: MAX_FILES_PER_VALUE });
      const originalName = cleanName(file.name);
      const [row] = await tx.insert(evidenceFile).values({ zoneId, valueId, originalName, storedName, mimeType, size: file.data.length, sha256, createdBy: actor.userId }).returning();
      await recordAudit(tx, actor, {
        action: 'indicator_value.evidence_add',
        objectType: 'indicator_value',
        objectId: valueId,
        summary: { itemId: value.itemId, indicatorId: value.indicatorId, period: value.period, evidenceId: row!.id, name: originalName, mimeType, size: file.data.length, sha256 },
      });
      return { id: row!.id, name: originalName, size: row!.size, mimeType };
    }),
  );
}

/**
 * An evidence file of the zone with its content, for download.
 * @throws AppError not_found (no such file in the zone, or missing on disk)
 */
export async function getEvidence(db: DbOrTx, zoneId: string, evidenceId: string, filesDir: string): Promise<EvidenceMeta & { sha256: string; data: Buffer }> {
  const [row] = await db.select().from(evidenceFile).where(and(eq(evidenceFile.id, evidenceId), eq(evidenceFile.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  const data = await readStored(filesDir, row.storedName);
  return { id: row.id, name: row.originalName, size: row.size, mimeType: row.mimeType, sha256: row.sha256, data };
}
