import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { buildApp, type BuiltApp } from '../../app.js';
import { testConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { FakeClock } from '../../platform/clock.js';
import { type Session, login, testDatabase } from '../../../test/helpers.js';
import { evidenceFile, indicatorValue } from './indicators.table.js';
import { sniffType } from './evidence.service.js';

const LIMIT = 64 * 1024;
let app: BuiltApp;
let database: Database;
let filesDir: string;
let office: Session;
let valueId: string;

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-evidence-'));
  database = await testDatabase();
  app = await buildApp({ database, config: testConfig({ filesDir, uploadMaxBytes: LIMIT }), clock: new FakeClock() });
  office = await login(app, 'office');
  const plan = (await office.request('POST', '/api/v1/plans', { kind: 'annual', title: '佐证', startYear: 2021, endYear: 2021, levelLabels: ['任务'] })).json();
  const item = (await office.request('POST', `/api/v1/plans/${plan.id}/items`, { parentId: null, title: '任务' })).json();
  const ind = (await office.request('POST', `/api/v1/items/${item.id}/indicators`, { code: 'EV', name: '投资', kind: 'amount', unitOfMeasure: '亿元', year: 2021, target: '10' })).json();
  valueId = (await office.request('PUT', `/api/v1/indicators/${ind.id}/values/2021-01`, { value: '1' })).json().id;
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const BOUNDARY = '----lantu-test-boundary';
function multipartBody(filename: string, type: string, data: Buffer): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}
const upload = (s: Session, filename: string, type: string, data: Buffer, id = valueId) =>
  s.request('POST', `/api/v1/indicator-values/${id}/evidence`, multipartBody(filename, type, data), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
const stored = () => fs.readdirSync(filesDir);
const rows = async () => (await database.db.select({ n: count() }).from(evidenceFile))[0]!.n;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('evidence files', () => {
  it('stores a PDF under a generated name and serves it as an attachment', async () => {
    const res = await upload(office, '三月投资台账.pdf', 'application/pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '三月投资台账.pdf', mimeType: 'application/pdf', size: PDF.length });
    expect(stored()).toHaveLength(1);
    expect(stored()[0]).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await database.db.select().from(evidenceFile);
    expect(row!.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    const reporter = await login(app, 'reporter');
    const dl = await reporter.request('GET', `/api/v1/evidence/${res.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('三月投资台账.pdf')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
  });

  it('lists the evidence with the value', async () => {
    const [row] = await database.db.select().from(evidenceFile);
    const [value] = await database.db.select().from(indicatorValue).where(eq(indicatorValue.id, row!.valueId));
    const values = (await office.request('GET', `/api/v1/indicators/${value!.indicatorId}/values`)).json().items;
    expect(values[0].evidence).toEqual([{ id: row!.id, name: '三月投资台账.pdf', size: PDF.length, mimeType: 'application/pdf' }]);
  });

  it('judges the type by content: HTML or an executable claiming to be a PDF gets 415, nothing stored', async () => {
    const before = await rows();
    const html = await upload(office, 'report.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('unsupported_media_type');
    const exe = await upload(office, 'report.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(200)]));
    expect(exe.statusCode).toBe(415);
    const htmlAsText = await upload(office, 'note.txt', 'text/plain', Buffer.from('  <!doctype html><p>hi</p>'));
    expect(htmlAsText.statusCode).toBe(415);
    expect(await rows()).toBe(before);
    expect(stored()).toHaveLength(1);
  });

  it('refuses a file over the size limit with 413, nothing stored', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT)]);
    const res = await upload(office, 'big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(stored()).toHaveLength(1);
  });

  it('refuses a non-multipart body, an unknown value, and uploads by readers', async () => {
    expect((await office.request('POST', `/api/v1/indicator-values/${valueId}/evidence`, { file: 'x' })).statusCode).toBe(415);
    expect((await upload(office, 'a.pdf', 'application/pdf', PDF, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await upload(await login(app, 'reporter'), 'a.pdf', 'application/pdf', PDF)).statusCode).toBe(403);
    expect((await office.request('GET', '/api/v1/evidence/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers a broken multipart body with 400 and a form without a file by naming the field', async () => {
    const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
    const broken = await office.request('POST', `/api/v1/indicator-values/${valueId}/evidence`, Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n`), headers);
    expect(broken.statusCode).toBe(400);
    const noFile = await office.request('POST', `/api/v1/indicator-values/${valueId}/evidence`, Buffer.from(`--${BOUNDARY}--\r\n`), headers);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details.fields).toEqual([{ field: 'file', issue: 'required' }]);
  });
});

describe('content sniffing', () => {
  const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);
  it.each([
    ['a.pdf', PDF, 'application/pdf'],
    ['a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['a.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]), 'image/jpeg'],
    ['a.docx', zip('[Content_Types].xml', 'word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a.xlsx', zip('[Content_Types].xml', 'xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.zip', zip('evil.exe'), null],
    ['a.txt', Buffer.from('一月完成 4.2 亿元\n'), 'text/plain; charset=utf-8'],
    ['a.csv', Buffer.from('月份,投资\n1,4.2\n'), 'text/csv; charset=utf-8'],
    ['a.txt', Buffer.from([0xff, 0xfe, 0x00]), null],
    ['a.pdf', Buffer.from('plain text named pdf'), null],
    ['a.svg', Buffer.from('<svg onload="alert(1)"/>'), null],
  ])('%s → %s', (name, data, expected) => {
    expect(sniffType(data, name)).toBe(expected);
  });
});
