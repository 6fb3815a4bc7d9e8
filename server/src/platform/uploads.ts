import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from './errors.js';

/**
 * The one uploaded file of a multipart request, read into memory (the plugin caps its size).
 * A malformed multipart body (busboy throws plain errors for those) is a bad request, not a crash.
 * @throws AppError unsupported_media_type (not multipart), validation_failed (no file), bad_request (broken body), payload_too_large
 */
export async function uploadOf(req: FastifyRequest): Promise<{ data: Buffer; name: string }> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', { reason: 'multipart_required' });
  let file: { data: Buffer; name: string; truncated: boolean } | undefined;
  try {
    const part = await req.file();
    if (part) file = { data: await part.toBuffer(), name: part.filename, truncated: part.file.truncated };
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw new AppError('payload_too_large');
    throw new AppError('bad_request', { reason: 'multipart' });
  }
  if (!file) throw fieldError([{ field: 'file', issue: 'required' }]);
  if (file.truncated) throw new AppError('payload_too_large');
  return { data: file.data, name: file.name };
}

/** A display name safe to keep: no path, no control characters, bounded. */
export const cleanName = (name: string) =>
  // eslint-disable-next-line no-control-regex
  (path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'file').slice(0, 200);
