import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.js';

/** A file as written to the files directory: its generated name and content hash. */
export interface StoredFile {
  storedName: string;
  sha256: string;
  size: number;
}

/**
 * Writes an upload under a generated name (never the client's), then runs `save` (the rows and
 * audit event, in a transaction). If `save` fails the file is removed again, so a file on disk
 * without its row can only be left by a crash in between, never a row without its file.
 */
export async function storeThen<T>(filesDir: string, data: Buffer, save: (file: StoredFile) => Promise<T>): Promise<T> {
  const file: StoredFile = { storedName: randomUUID(), sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  await fs.mkdir(filesDir, { recursive: true, mode: 0o700 });
  const target = path.join(filesDir, file.storedName);
  await fs.writeFile(target, data, { flag: 'wx', mode: 0o600 });
  try {
    return await save(file);
  } catch (err) {
    await fs.rm(target, { force: true });
    throw err;
  }
}

/**
 * The bytes of a stored file.
 * @throws AppError not_found when it is missing on disk
 */
export async function readStored(filesDir: string, storedName: string): Promise<Buffer> {
  return fs.readFile(path.join(filesDir, storedName)).catch(() => {
    throw new AppError('not_found');
  });
}

/** Removes stored files once the rows that named them are gone (after the commit). */
export async function removeStored(filesDir: string, names: string[]): Promise<void> {
  await Promise.all(names.map((n) => fs.rm(path.join(filesDir, n), { force: true })));
}

/** An ASCII stand-in for the filename parameter; the real name travels in filename*. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\;]/g, '_');

/**
 * Answers a stored file as its stored type, never sniffed, sandboxed: `attachment` for documents,
 * `inline` for images the page shows.
 */
export function sendStored(reply: FastifyReply, file: { name: string; mimeType: string; data: Buffer }, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `${disposition}; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.data);
}
