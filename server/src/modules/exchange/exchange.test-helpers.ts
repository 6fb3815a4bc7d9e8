import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Session } from '../../../test/helpers.js';

/** Test helpers: multipart uploads and workbooks built with exceljs. */

const BOUNDARY = '----lantu-exchange-boundary';

export function multipartBody(data: Buffer, filename = 'import.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
}

export const upload = (s: Session, planId: string, kind: 'items' | 'values', data: Buffer, headers: Record<string, string> = {}, filename?: string) =>
  s.request('POST', `/api/v1/plans/${planId}/import?kind=${kind}`, multipartBody(data, filename), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers });

export async function loadXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** Writes rows under the header of a sheet, starting at row 2 (or after the last used row). */
export function fillSheet(wb: ExcelJS.Workbook, name: string, rows: unknown[][], append = false): void {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const start = append ? ws.actualRowCount + 1 : 2;
  rows.forEach((r, i) => {
    const row = ws.getRow(start + i);
    r.forEach((v, j) => (row.getCell(j + 1).value = v as ExcelJS.CellValue));
    row.commit();
  });
}

/** A workbook with the given sheets: header row then data rows. */
export async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The header texts of a sheet, without the required mark. */
export const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/\*$/, ''));

/** A zip of the given entries, deflated, with honest sizes: for archives no spreadsheet tool would write. */
export function zipOf(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = zlib.deflateRawSync(data);
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(zlib.crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
