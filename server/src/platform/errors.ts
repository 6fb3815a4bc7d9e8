import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, type FieldIssue, httpStatusOf } from '@lantu/core';
import { messageFor, pickLocale } from './messages.js';
export { messageFor, pickLocale };

/** The one application error. `code` decides the HTTP status; `details` is safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
  }
  get status(): number {
    return httpStatusOf(this.code);
  }
}

/** A validation failure on named fields, as the web expects it. */
export function fieldError(fields: FieldIssue[]): AppError {
  return new AppError('validation_failed', { fields });
}

interface ZodLikeIssue {
  path: PropertyKey[];
  code: string;
  keys?: string[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  values?: unknown[];
}

/** Turns zod issues into field issues; an unknown key is named as the field itself. */
export function zodIssuesToFields(issues: ZodLikeIssue[], prefix?: string): FieldIssue[] {
  return issues.flatMap((i): FieldIssue[] => {
    const base = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    if (i.code === 'unrecognized_keys' && i.keys) {
      return i.keys.map((k) => ({ field: base ? `${base}.${k}` : k, issue: 'unknown_field' }));
    }
    const limit = i.maximum ?? i.minimum;
    return [{ field: base || '(body)', issue: i.code, ...(limit !== undefined ? { limit: Number(limit) } : {}) }];
  });
}

const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23503': 'conflict', // foreign_key_violation
  '23514': 'conflict', // check_violation
  '22P02': 'bad_request', // invalid_text_representation
  '22001': 'bad_request', // string_data_right_truncation
  '22021': 'bad_request', // character_not_in_repertoire: a NUL that reached a text column (uploads, workbook cells)
  '22P05': 'bad_request', // untranslatable_character: the same in jsonb
  '40001': 'conflict', // serialization_failure
};

function pgErrorCode(err: unknown): ErrorCode | undefined {
  const code = (err as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (err as { code?: unknown }).code;
  return typeof code === 'string' ? PG_CODES[code] : undefined;
}

/** One error handler: every failure becomes `{ error: { code, message, details } }`, never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext === 'body' ? undefined : err.validationContext;
      const issues = err.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
      })) as ZodLikeIssue[];
      appErr = fieldError(zodIssuesToFields(issues, where));
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) {
      appErr = new AppError('invalid_json');
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) appErr = new AppError('payload_too_large');
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      appErr = new AppError('unsupported_media_type');
    } else if (pgErrorCode(err)) appErr = new AppError(pgErrorCode(err)!);
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      appErr = new AppError(err.statusCode === 404 ? 'not_found' : err.statusCode === 429 ? 'rate_limited' : 'bad_request');
    } else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('internal');
    }
    const body = { error: { code: appErr.code, message: messageFor(appErr.code, locale, appErr.details), details: appErr.details } };
    return reply.status(appErr.status).send(body);
  });
}

/**
 * Errors the router raises before any hook runs (malformed URL, over-long path parameter):
 * same body shape as every other error, and the headers helmet would have added.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = pickLocale(req.headers['accept-language']);
  void reply
    .status(400)
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', 'no-store')
    .send({ error: { code: 'bad_request', message: messageFor('bad_request', locale), details: { reason: err.code } } });
}
