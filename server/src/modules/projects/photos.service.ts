import { and, count, eq } from 'drizzle-orm';
import exifr from 'exifr';
import type { PhotoMeta } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { sniffType } from '../indicators/evidence.service.js';
import { type ProjectScope, assertCanWorkOn } from './projects.policy.js';
import { project, projectPhoto, projectProgress } from './projects.table.js';
import { cleanName } from '../../platform/uploads.js';
import { readStored, removeStored, storeThen } from '../../platform/files.js';

/** Site photos of a month's progress: real images only, stored under generated names, EXIF time and place kept. */

export interface UploadedPhoto {
  /** The name the client gave; kept for display and the download, never used as a path. */
  name: string;
  data: Buffer;
}

/** A month's photos stay a handful of site pictures, not an album. */
export const MAX_PHOTOS_PER_PROGRESS = 30;
const startsWith = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

/**
 * The image type judged by content (magic bytes), never by the name or the client's claim:
 * JPEG and PNG as evidence files judge them, WebP by its RIFF…WEBP header.
 * @returns the MIME type to store and serve, or null when the bytes are not one of these images
 */
export function imageTypeOf(data: Buffer): string | null {
  const evidenceType = sniffType(data, '');
  if (evidenceType === 'image/jpeg' || evidenceType === 'image/png') return evidenceType;
  if (data.length >= 12 && startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export interface PhotoExif {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

/**
 * EXIF capture time has no zone of its own; without an OffsetTimeOriginal tag the camera is taken
 * to have been set to China Standard Time, where every zone using Lantu lies.
 */
const DEFAULT_OFFSET = '+08:00';
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

function takenAtOf(original: unknown, offset: unknown): Date | null {
  const m = typeof original === 'string' ? EXIF_TIME.exec(original.trim()) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : DEFAULT_OFFSET;
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return isNaN(t.getTime()) ? null : t;
}

const coordinate = (v: unknown, bound: number): number | null => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= bound ? v : null);

/**
 * Capture time and GPS position from a photo's EXIF. Photos without EXIF, or with EXIF a camera or
 * editor broke, give nulls: a site photo is worth keeping even when its metadata is not.
 */
export async function readPhotoExif(data: Buffer): Promise<PhotoExif> {
  const none: PhotoExif = { takenAt: null, lat: null, lng: null };
  try {
    const tags = (await exifr.parse(data, {
      tiff: true, exif: true, gps: true, ifd1: false, interop: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false,
      makerNote: false, userComment: false, reviveValues: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return none;
    const lat = coordinate(tags.latitude, 90);
    const lng = coordinate(tags.longitude, 180);
    // A fix of exactly 0,0 is what cameras without a fix write.
    const located = lat !== null && lng !== null && !(lat === 0 && lng === 0);
    return { takenAt: takenAtOf(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal), lat: located ? lat : null, lng: located ? lng : null };
  } catch {
    return none;
  }
}

type PhotoRow = typeof projectPhoto.$inferSelect;
export const photoMetaOf = (r: PhotoRow): PhotoMeta => ({ id: r.id, name: r.originalName, size: r.size, mimeType: r.mimeType, takenAt: r.takenAt?.toISOString() ?? null, lat: r.lat, lng: r.lng });

/** A display name bounded in length (it is shown and sent in headers, never used as a path). */

/** The progress row of the zone, locked, with its project's lead unit. */
async function lockedProgress(tx: DbOrTx, zoneId: string, progressId: string) {
  const [row] = await tx
    .select({ id: projectProgress.id, period: projectProgress.period, projectId: project.id, projectCode: project.code, leadUnitId: project.leadUnitId })
    .from(projectProgress)
    .innerJoin(project, eq(project.id, projectProgress.projectId))
    .where(and(eq(projectProgress.id, progressId), eq(projectProgress.zoneId, zoneId)))
    .for('update', { of: projectProgress });
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Adds a site photo to a month's progress: the image is written under a generated name first and
 * removed again if the row and its `project_photo.add` audit event do not commit.
 * @throws AppError not_found (progress row not in the zone), forbidden (not the office or lead-unit staff),
 *   unsupported_media_type `{ field: 'file' }` (not a JPEG, PNG or WebP by content), conflict `too_many_photos`
 */
export async function addPhoto(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, progressId: string, file: UploadedPhoto, filesDir: string): Promise<PhotoMeta> {
  const mimeType = imageTypeOf(file.data);
  const exif = mimeType ? await readPhotoExif(file.data) : null;
  return storeThen(filesDir, file.data, ({ storedName, sha256 }) =>
    db.transaction(async (tx) => {
      const progress = await lockedProgress(tx, zoneId, progressId);
      assertCanWorkOn(scope, progress.leadUnitId);
      if (!mimeType || !exif) throw new AppError('unsupported_media_type', { field: 'file' });
      const [n] = await tx.select({ n: count() }).from(projectPhoto).where(eq(projectPhoto.progressId, progressId));
      if ((n?.n ?? 0) >= MAX_PHOTOS_PER_PROGRESS) throw new AppError('conflict', { reason: 'too_many_photos', limit: MAX_PHOTOS_PER_PROGRESS });
      const originalName = cleanName(file.name);
      const [row] = await tx.insert(projectPhoto).values({ zoneId, progressId, originalName, storedName, mimeType, size: file.data.length, sha256, ...exif, createdBy: actor.userId }).returning();
      await recordAudit(tx, actor, {
        action: 'project_photo.add',
        objectType: 'project_progress',
        objectId: progressId,
        summary: { projectId: progress.projectId, code: progress.projectCode, period: progress.period, photoId: row!.id, name: originalName, mimeType, size: row!.size, sha256, takenAt: row!.takenAt?.toISOString() ?? null, lat: row!.lat, lng: row!.lng },
      });
      return photoMetaOf(row!);
    }),
  );
}

/**
 * A photo of the zone with its bytes, for display.
 * @throws AppError not_found (no such photo in the zone, or its file is missing)
 */
export async function getPhoto(db: DbOrTx, zoneId: string, photoId: string, filesDir: string): Promise<PhotoMeta & { data: Buffer }> {
  const [row] = await db.select().from(projectPhoto).where(and(eq(projectPhoto.id, photoId), eq(projectPhoto.zoneId, zoneId)));
  if (!row) throw new AppError('not_found');
  const data = await readStored(filesDir, row.storedName);
  return { ...photoMetaOf(row), data };
}

/**
 * Deletes a photo: the row and its `project_photo.delete` event commit first, then the file goes
 * (a file left behind by a crash in between is an orphan, never a row without its file).
 * @throws AppError not_found (not in the zone), forbidden (not the office or lead-unit staff)
 */
export async function deletePhoto(db: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, photoId: string, filesDir: string): Promise<void> {
  const storedName = await db.transaction(async (tx) => {
    const [photo] = await tx.select().from(projectPhoto).where(and(eq(projectPhoto.id, photoId), eq(projectPhoto.zoneId, zoneId)));
    if (!photo) throw new AppError('not_found');
    const progress = await lockedProgress(tx, zoneId, photo.progressId);
    assertCanWorkOn(scope, progress.leadUnitId);
    await tx.delete(projectPhoto).where(eq(projectPhoto.id, photoId));
    await recordAudit(tx, actor, {
      action: 'project_photo.delete',
      objectType: 'project_progress',
      objectId: progress.id,
      summary: { projectId: progress.projectId, code: progress.projectCode, period: progress.period, photoId, name: photo.originalName, sha256: photo.sha256 },
    });
    return photo.storedName;
  });
  await removeStored(filesDir, [storedName]);
}

/** Stored file names of the photos of a project (or of one of its months), read before their rows go. */
export async function photoFilesOf(tx: DbOrTx, projectId: string, period?: string): Promise<string[]> {
  const rows = await tx
    .select({ name: projectPhoto.storedName })
    .from(projectPhoto)
    .innerJoin(projectProgress, eq(projectProgress.id, projectPhoto.progressId))
    .where(and(eq(projectProgress.projectId, projectId), period ? eq(projectProgress.period, period) : undefined));
  return rows.map((r) => r.name);
}
