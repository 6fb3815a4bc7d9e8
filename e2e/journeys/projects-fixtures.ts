import zlib from 'node:zlib';
import type { APIRequestContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, fail } from '../lib/ui.js';

/* What the key-project journey needs besides the browser: a site photo with EXIF, and API access. */

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

type IfdEntry = [tag: number, type: number, count: number, value: Buffer | number];

/** A little-endian TIFF block (what an eXIf chunk holds): DateTimeOriginal and a GPS position. */
function exifBlock(taken: string, lat: number, lng: number): Buffer {
  const buf = Buffer.alloc(400);
  let free = 200;
  buf.write('II', 0);
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(8, 4);
  const ifd = (at: number, entries: IfdEntry[]) => {
    buf.writeUInt16LE(entries.length, at);
    entries.forEach(([tag, type, count, value], i) => {
      const e = at + 2 + i * 12;
      buf.writeUInt16LE(tag, e);
      buf.writeUInt16LE(type, e + 2);
      buf.writeUInt32LE(count, e + 4);
      if (typeof value === 'number') buf.writeUInt32LE(value, e + 8);
      else if (value.length <= 4) value.copy(buf, e + 8);
      else {
        value.copy(buf, free);
        buf.writeUInt32LE(free, e + 8);
        free += value.length + (value.length % 2);
      }
    });
  };
  const dms = (v: number) => {
    const d = Math.floor(v);
    const m = Math.floor((v - d) * 60);
    const s = Math.round(((v - d) * 60 - m) * 6000);
    const b = Buffer.alloc(24);
    [[d, 1], [m, 1], [s, 100]].forEach(([n, q], i) => {
      b.writeUInt32LE(n!, i * 8);
      b.writeUInt32LE(q!, i * 8 + 4);
    });
    return b;
  };
  ifd(8, [[0x8769, 4, 1, 50], [0x8825, 4, 1, 80]]);
  ifd(50, [[0x9003, 2, 20, Buffer.from(`${taken}\0`, 'ascii')]]);
  ifd(80, [[1, 2, 2, Buffer.from('N\0')], [2, 5, 3, dms(lat)], [3, 2, 2, Buffer.from('E\0')], [4, 5, 3, dms(lng)]]);
  return buf.subarray(0, free);
}

/** A small gradient PNG with EXIF capture time and GPS position, like a phone's site photo. */
export function sitePhoto(taken: string, lat: number, lng: number, size = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set([40 + x * 3, 110 + y * 2, 210 - y * 2], 1 + x * 3);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('eXIf', exifBlock(taken, lat, lng)), pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

export interface ApiProject {
  id: string;
  code: string;
  name: string;
  stage: string;
  totalInvestment: number;
  leadUnitId: string | null;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!res.ok()) fail(`${what} answered ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** GET on the API with the page's session (the browser context's cookies). */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.request.get(`/api/v1${path}`).then((res) => json<T>(res, `GET ${path}`));
}

/** A signed-in API session of its own (demo TOTP code included), for setting up data the journey needs. */
export async function apiSession(request: APIRequestContext, baseUrl: string, username: string) {
  const headers: Record<string, string> = { Origin: baseUrl };
  const login = await json<{ csrfToken: string; demoTotpCode?: string; stage: string }>(
    await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD }, headers }),
    `login ${username}`,
  );
  headers['x-csrf-token'] = login.csrfToken;
  if (login.stage === 'totp') {
    await json(await request.post('/api/v1/auth/totp', { data: { code: login.demoTotpCode }, headers }), `totp ${username}`);
  }
  return {
    get: <T>(path: string) => request.get(`/api/v1${path}`).then((res) => json<T>(res, `GET ${path}`)),
    post: <T>(path: string, data: unknown) => request.post(`/api/v1${path}`, { data, headers }).then((res) => json<T>(res, `POST ${path}`)),
  };
}

/**
 * Makes sure the journey has something to work on while the demo seed may still lack projects:
 * an industrial project of the given unit (with milestones and a location) and a road project of another.
 */
export async function ensureProjects(page: Page, baseUrl: string, leadUnitId: string, otherUnitId: string, year: number): Promise<void> {
  const have = await apiGet<{ total: number }>(page, `/projects?category=industry&unitId=${leadUnitId}&pageSize=1`);
  if (have.total > 0) return;
  // only now sign the office in: its demo TOTP code is good once, and the journey signs it in again later
  const setup = await page.context().browser()!.newContext({ baseURL: baseUrl });
  try {
    await createProjects(await apiSession(setup.request, baseUrl, 'office'), leadUnitId, otherUnitId, year);
  } finally {
    await setup.close();
  }
}

async function createProjects(office: Awaited<ReturnType<typeof apiSession>>, leadUnitId: string, otherUnitId: string, year: number): Promise<void> {
  const planned = (dates: string[]) => Object.fromEntries(['planning', 'signed', 'started', 'structure_done', 'completed', 'in_production'].map((s, i) => [s, dates[i] ?? null]));
  await office.post('/projects', {
    code: 'E2E-GY-001', name: '常温发酵酸奶扩产项目', category: 'industry', enterprise: '演示食品有限公司', leadUnitId, year,
    totalInvestment: 30000, annualInvestment: 12000, lat: 35.2428, lng: 113.3012, address: '神州路与新园路交叉口', batches: ['production'],
    plannedDates: planned([`${year - 1}-03-01`, `${year - 1}-05-01`, `${year - 1}-08-01`, `${year}-02-01`, `${year}-06-30`, `${year}-09-30`]),
  });
  await office.post('/projects', {
    code: 'E2E-JC-001', name: '神州路北延道路工程', category: 'infrastructure', leadUnitId: otherUnitId, year,
    totalInvestment: 18000, annualInvestment: 9000, lat: 35.2512, lng: 113.2921, batches: ['start'],
    plannedDates: planned([`${year}-01-10`, `${year}-02-10`, `${year}-03-01`]),
  });
}
