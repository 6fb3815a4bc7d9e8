import zlib from 'node:zlib';
import { AppError } from '../../platform/errors.js';

/**
 * An uploaded .xlsx checked as a zip before any spreadsheet code sees it: the structure holds,
 * every entry inflates to its stated size and checksum, the whole stays within a bound
 * (a 10 MB upload must not unpack into gigabytes), and it holds a workbook. The streaming
 * reader then only meets intact archives (a corrupted deflate stream makes it wait forever).
 */

/** Most bytes an upload may unpack to. */
export const MAX_UNPACKED = 200 * 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const notXlsx = (reason: string) => new AppError('unsupported_media_type', { reason });

function endOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw notXlsx('zip_structure');
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

function entries(buf: Buffer): Entry[] {
  const end = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw notXlsx('zip64');
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw notXlsx('zip_structure');
    const [method, crc, packed, size] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 16), buf.readUInt32LE(at + 20), buf.readUInt32LE(at + 24)];
    const [nameLen, extraLen, commentLen, local] = [buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32), buf.readUInt32LE(at + 42)];
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw notXlsx('zip_structure');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) throw notXlsx('zip_structure');
    out.push({ name, method, crc, size, data: buf.subarray(start, start + packed) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The parts a workbook's cells are read from, in the order a streaming reader needs them. */
const READ_ORDER = [/^\[Content_Types\]\.xml$/, /^_rels\/\.rels$/, /^xl\/workbook\.xml$/, /^xl\/_rels\/workbook\.xml\.rels$/, /^xl\/sharedStrings\.xml$/, /^xl\/styles\.xml$/, /^xl\/worksheets\/sheet\d+\.xml$/];
const rank = (name: string) => READ_ORDER.findIndex((r) => r.test(name));

/** A zip of the given (already compressed) entries, in the given order. */
function writeZip(list: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of list) {
    const name = Buffer.from(e.name, 'utf8');
    const head = (size: number, sig: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(30, LOCAL);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const c = head(46, CENTRAL);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/**
 * The workbook's cell-bearing parts rewritten as a fresh zip in reading order (workbook and shared
 * strings before the sheets: the streaming reader fails now and then on any other order, and would
 * park sheets in temporary files), without drawings, media and the like.
 * @throws AppError unsupported_media_type (not an intact zip holding a workbook),
 *   payload_too_large (unpacks beyond MAX_UNPACKED)
 */
export function readableXlsx(buf: Buffer): Buffer {
  const list = checkedEntries(buf);
  const keep = list.filter((e) => rank(e.name) >= 0).sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  return writeZip(keep);
}

function checkedEntries(buf: Buffer): Entry[] {
  const list = entries(buf);
  let total = 0;
  for (const e of list) {
    total += e.size;
    if (total > MAX_UNPACKED) throw new AppError('payload_too_large', { reason: 'unpacked_size' });
    if (e.method !== 0 && e.method !== 8) throw notXlsx('zip_method');
    let data: Buffer;
    try {
      data = e.method === 0 ? e.data : zlib.inflateRawSync(e.data, { maxOutputLength: Math.max(e.size, 1) });
    } catch {
      throw notXlsx('zip_data');
    }
    if (data.length !== e.size || zlib.crc32(data) !== e.crc) throw notXlsx('zip_data');
  }
  if (!list.some((e) => e.name === 'xl/workbook.xml')) throw notXlsx('no_workbook');
  return list;
}
