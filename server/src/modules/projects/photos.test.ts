import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { buildApp, type BuiltApp } from '../../app.js';
import { testConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { FakeClock } from '../../platform/clock.js';
import { type Session, login, testDatabase } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { unit } from '../units/units.table.js';
import { zone } from '../zones/zones.table.js';
import { project, projectPhoto, projectProgress } from './projects.table.js';
import { MAX_PHOTOS_PER_PROGRESS, imageTypeOf, readPhotoExif } from './photos.service.js';

/* Images built byte by byte: a baseline JPEG (one 8×8 grey block) with an EXIF segment, a 1×1 PNG, a 1×1 WebP. */

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
type Entry = [tag: number, type: number, count: number, value: Buffer];
const u32 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24]);
const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
const dms = (...parts: number[]) => Buffer.concat(parts.flatMap((p) => [u32(p), u32(1)]));

/** A little-endian TIFF IFD at offset `at`, values longer than 4 bytes placed right after it. */
function ifd(entries: Entry[], at: number): { bytes: Buffer; end: number } {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  head.writeUInt16LE(entries.length, 0);
  let data = Buffer.alloc(0);
  entries.forEach(([tag, type, n, value], i) => {
    const o = 2 + i * 12;
    head.writeUInt16LE(tag, o);
    head.writeUInt16LE(type, o + 2);
    head.writeUInt32LE(n, o + 4);
    if (value.length <= 4) value.copy(head, o + 8);
    else {
      head.writeUInt32LE(at + head.length + data.length, o + 8);
      data = Buffer.concat([data, value]);
    }
  });
  return { bytes: Buffer.concat([head, data]), end: at + head.length + data.length };
}

/** APP1 with DateTimeOriginal (and OffsetTimeOriginal when given) and a GPS position in the northern and eastern hemispheres. */
function exifSegment(taken: string, lat: number[], lng: number[], offset?: string): Buffer {
  const exifAt = 8 + 30; // IFD0 with its two pointers takes 30 bytes
  const exif = ifd([[0x9003, 2, 20, ascii(taken)], ...(offset ? [[0x9011, 2, 7, ascii(offset)] as Entry] : [])], exifAt);
  const gps = ifd([[1, 2, 2, ascii('N')], [2, 5, 3, dms(...lat)], [3, 2, 2, ascii('E')], [4, 5, 3, dms(...lng)]], exif.end);
  const ifd0 = ifd([[0x8769, 4, 1, u32(exifAt)], [0x8825, 4, 1, u32(exif.end)]], 8);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0II*\0', 'latin1'), u32(8), ifd0.bytes, exif.bytes, gps.bytes]));
}

/** A decodable baseline JPEG: DC difference 0 and end-of-block, with one-code Huffman tables. */
function greyJpeg(app1: Buffer = Buffer.alloc(0)): Buffer {
  const dht = (cls: number) => segment(0xc4, Buffer.from([cls, 1, ...new Array<number>(15).fill(0), 0]));
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sof = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const sos = segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, dqt, sof, dht(0x00), dht(0x10), sos, Buffer.from([0x3f, 0xff, 0xd9])]);
}

function png1x1(): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), body])));
    return Buffer.concat([len, Buffer.from(type), body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x33, 0xaa, 0x77]))), chunk('IEND', Buffer.alloc(0))]);
}
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
/** 焦作高新区: 35°14′24″N 113°14′24″E. */
const SITE_JPEG = greyJpeg(exifSegment('2021:03:10 09:30:00', [35, 14, 24], [113, 14, 24]));

const LIMIT = 64 * 1024;
const BOUNDARY = '----lantu-photo-boundary';
let app: BuiltApp;
let database: Database;
let filesDir: string;
let office: Session;
let reporter: Session;
let jfjProgressId: string;
let gjjProgressId: string;

async function unitId(code: string): Promise<string> {
  return (await database.db.select({ id: unit.id }).from(unit).where(eq(unit.code, code)))[0]!.id;
}
async function progressOf(code: string, leadUnitId: string): Promise<string> {
  const p = await office.request('POST', '/api/v1/projects', { code, name: `项目${code}`, category: 'industry', year: 2021, totalInvestment: 10000, annualInvestment: 6000, leadUnitId });
  expect(p.statusCode, p.body).toBe(201);
  const put = await office.request('PUT', `/api/v1/projects/${p.json().id}/progress/2021-02`, { completedInvestment: 300, imageProgress: '主体结构施工' });
  expect(put.statusCode, put.body).toBe(200);
  return put.json().id;
}

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-photos-'));
  database = await testDatabase();
  app = await buildApp({ database, config: testConfig({ filesDir, uploadMaxBytes: LIMIT }), clock: new FakeClock() });
  [office, reporter] = [await login(app, 'office'), await login(app, 'reporter')];
  jfjProgressId = await progressOf('PH-JFJ', await unitId('JFJ'));
  gjjProgressId = await progressOf('PH-GJJ', await unitId('GJJ'));
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

function multipartBody(filename: string, type: string, data: Buffer): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}
const upload = (s: Session, data: Buffer, filename = 'site.jpg', id = jfjProgressId, type = 'image/jpeg') =>
  s.request('POST', `/api/v1/project-progress/${id}/photos`, multipartBody(filename, type, data), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
const stored = () => fs.readdirSync(filesDir);
const photoRows = async (progressId = jfjProgressId) => (await database.db.select({ n: count() }).from(projectPhoto).where(eq(projectPhoto.progressId, progressId)))[0]!.n;
const events = async (action: string) => (await database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.action, action)))[0]!.n;

describe('project photos', () => {
  it('keeps a site photo with its EXIF capture time and GPS position, shown with the month’s progress', async () => {
    const res = await upload(reporter, SITE_JPEG, '三月工地.jpg');
    expect(res.statusCode, res.body).toBe(201);
    const meta = res.json();
    // 09:30 on a camera in China Standard Time is 01:30 UTC.
    expect(meta).toMatchObject({ name: '三月工地.jpg', mimeType: 'image/jpeg', size: SITE_JPEG.length, takenAt: '2021-03-10T01:30:00.000Z' });
    expect(meta.lat).toBeCloseTo(35.24, 9);
    expect(meta.lng).toBeCloseTo(113.24, 9);
    expect(stored()).toHaveLength(1);
    expect(stored()[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await events('project_photo.add')).toBe(1);
    const [{ id: projectId }] = await database.db.select({ id: projectProgress.projectId }).from(projectProgress).where(eq(projectProgress.id, jfjProgressId)) as [{ id: string }];
    const months = (await (await login(app, 'leader')).request('GET', `/api/v1/projects/${projectId}/progress`)).json().items;
    expect(months[0].photos).toEqual([meta]);
  });

  it('serves the photo inline as the stored image type, unsniffable and sandboxed, to every reader', async () => {
    const [row] = await database.db.select().from(projectPhoto).where(eq(projectPhoto.progressId, jfjProgressId));
    for (const role of ['leader', 'investment', 'service_officer']) {
      const res = await (await login(app, role)).request('GET', `/api/v1/project-photos/${row!.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['content-disposition']).toBe(`inline; filename="____.jpg"; filename*=UTF-8''${encodeURIComponent('三月工地.jpg')}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(res.rawPayload.equals(SITE_JPEG)).toBe(true);
    }
    expect((await (await login(app, 'enterprise')).request('GET', `/api/v1/project-photos/${row!.id}`)).statusCode).toBe(403);
  });

  it('takes PNG and WebP without EXIF, and a JPEG whose EXIF is broken, with no time or place', async () => {
    const broken = greyJpeg(segment(0xe1, Buffer.from('Exif\0\0MM\0*\0\0\0\x08\x00\x05garbage-garbage-garbage', 'latin1')));
    for (const [name, data, type] of [['a.png', png1x1(), 'image/png'], ['b.webp', WEBP, 'image/webp'], ['c.jpg', broken, 'image/jpeg']] as const) {
      const res = await upload(office, data, name, jfjProgressId, 'application/octet-stream');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ mimeType: type, takenAt: null, lat: null, lng: null });
    }
    expect(stored()).toHaveLength(4);
  });

  it('refuses by content what is not an image, whatever its name says: 415 naming the file, nothing stored', async () => {
    const [rows, files, audits] = [await photoRows(), stored().length, await events('project_photo.add')];
    for (const [name, data] of [['site.jpg', Buffer.from('这不是照片，是一段文字。\n')], ['x.png', Buffer.from('<svg onload="alert(1)"/>')], ['r.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')]] as const) {
      const res = await upload(office, data, name);
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'unsupported_media_type', details: { field: 'file' } });
    }
    expect(await photoRows()).toBe(rows);
    expect(stored()).toHaveLength(files);
    expect(await events('project_photo.add')).toBe(audits);
    expect((await upload(office, Buffer.concat([SITE_JPEG, Buffer.alloc(LIMIT)]))).statusCode).toBe(413);
    expect(stored()).toHaveLength(files);
  });

  it('lets only the office and the lead unit’s staff add or delete photos', async () => {
    const files = stored().length;
    expect((await upload(reporter, SITE_JPEG, 'x.jpg', gjjProgressId)).statusCode).toBe(403);
    expect((await upload(await login(app, 'unit_head'), SITE_JPEG, 'x.jpg', gjjProgressId)).statusCode).toBe(403);
    expect((await upload(await login(app, 'leader'), SITE_JPEG)).statusCode).toBe(403);
    expect(await photoRows(gjjProgressId)).toBe(0);
    expect(stored()).toHaveLength(files);
    const gjjPhoto = (await upload(office, SITE_JPEG, 'g.jpg', gjjProgressId)).json();
    expect((await reporter.request('DELETE', `/api/v1/project-photos/${gjjPhoto.id}`)).statusCode).toBe(403);
    expect(await photoRows(gjjProgressId)).toBe(1);
  });

  it('deletes a photo: the row, its audit event, then the file', async () => {
    const res = await upload(reporter, SITE_JPEG, 'gone.jpg');
    const [row] = await database.db.select().from(projectPhoto).where(eq(projectPhoto.id, res.json().id));
    const del = await reporter.request('DELETE', `/api/v1/project-photos/${row!.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await database.db.select().from(projectPhoto).where(eq(projectPhoto.id, row!.id))).toEqual([]);
    expect(stored()).not.toContain(row!.storedName);
    expect(await events('project_photo.delete')).toBe(1);
    expect((await office.request('GET', `/api/v1/project-photos/${row!.id}`)).statusCode).toBe(404);
    expect((await office.request('DELETE', `/api/v1/project-photos/${row!.id}`)).statusCode).toBe(404);
  });

  it('removes the stored files when the month or the whole project is deleted', async () => {
    const monthId = await progressOf('PH-DEL', await unitId('JFJ'));
    const photo = (await upload(reporter, SITE_JPEG, 'month.jpg', monthId)).json();
    const [row] = await database.db.select().from(projectPhoto).where(eq(projectPhoto.id, photo.id));
    const projectId = (await office.request('GET', '/api/v1/projects?q=PH-DEL')).json().items[0].id;
    expect((await reporter.request('DELETE', `/api/v1/projects/${projectId}/progress/2021-02`)).statusCode).toBe(200);
    expect(stored()).not.toContain(row!.storedName);

    const again = await office.request('PUT', `/api/v1/projects/${projectId}/progress/2021-01`, { completedInvestment: 100 });
    const second = (await upload(reporter, SITE_JPEG, 'project.jpg', again.json().id)).json();
    const [secondRow] = await database.db.select().from(projectPhoto).where(eq(projectPhoto.id, second.id));
    expect(stored()).toContain(secondRow!.storedName);
    expect((await office.request('DELETE', `/api/v1/projects/${projectId}`)).statusCode).toBe(200);
    expect(stored()).not.toContain(secondRow!.storedName);
  });

  it('answers 404 for another zone’s progress and photos, and leaves them alone', async () => {
    const db = database.db;
    const [z] = await db.insert(zone).values({ code: 'photo-other', name: '别的开发区', asOfDate: '2021-03-15' }).returning();
    const [p] = await db.insert(project).values({ zoneId: z!.id, code: 'X-1', name: '外区项目', category: 'industry', year: 2021, totalInvestment: 100, annualInvestment: 50 }).returning();
    const [g] = await db.insert(projectProgress).values({ zoneId: z!.id, projectId: p!.id, period: '2021-02', completedInvestment: 10 }).returning();
    const [ph] = await db.insert(projectPhoto).values({ zoneId: z!.id, progressId: g!.id, originalName: 'x.jpg', storedName: 'other-zone-photo', mimeType: 'image/jpeg', size: 1, sha256: 'x' }).returning();
    expect((await upload(office, SITE_JPEG, 'x.jpg', g!.id)).statusCode).toBe(404);
    expect((await office.request('GET', `/api/v1/project-photos/${ph!.id}`)).statusCode).toBe(404);
    expect((await office.request('DELETE', `/api/v1/project-photos/${ph!.id}`)).statusCode).toBe(404);
    expect(await db.select({ id: projectPhoto.id }).from(projectPhoto).where(and(eq(projectPhoto.zoneId, z!.id), inArray(projectPhoto.id, [ph!.id])))).toHaveLength(1);
    expect((await upload(office, SITE_JPEG, 'x.jpg', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it(`keeps at most ${MAX_PHOTOS_PER_PROGRESS} photos a month`, async () => {
    const progressId = await progressOf('PH-MANY', await unitId('JFJ'));
    for (let i = 0; i < MAX_PHOTOS_PER_PROGRESS; i++) expect((await upload(office, png1x1(), `${i}.png`, progressId)).statusCode).toBe(201);
    const files = stored().length;
    const res = await upload(office, png1x1(), 'one-too-many.png', progressId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ reason: 'too_many_photos', limit: MAX_PHOTOS_PER_PROGRESS });
    expect(await photoRows(progressId)).toBe(MAX_PHOTOS_PER_PROGRESS);
    expect(stored()).toHaveLength(files);
  });
});

describe('photo content and EXIF', () => {
  it.each([
    ['jpeg', SITE_JPEG, 'image/jpeg'],
    ['png', png1x1(), 'image/png'],
    ['webp', WEBP, 'image/webp'],
    ['riff that is not webp', Buffer.concat([Buffer.from('RIFF\x10\0\0\0WAVEfmt ', 'latin1')]), null],
    ['pdf', Buffer.from('%PDF-1.4\n'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s → %s', (_name, data, expected) => {
    expect(imageTypeOf(data)).toBe(expected);
  });

  it('applies the camera’s own offset when the photo records one', async () => {
    const exif = await readPhotoExif(greyJpeg(exifSegment('2021:03:10 09:30:00', [35, 14, 24], [113, 14, 24], '+07:00')));
    expect(exif.takenAt?.toISOString()).toBe('2021-03-10T02:30:00.000Z');
  });

  it('treats a 0,0 fix as no position', async () => {
    const exif = await readPhotoExif(greyJpeg(exifSegment('2021:03:10 09:30:00', [0, 0, 0], [0, 0, 0])));
    expect(exif).toMatchObject({ lat: null, lng: null });
    expect(exif.takenAt).not.toBeNull();
  });
});
