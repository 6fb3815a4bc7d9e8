/** Every error the API can answer with. The web shows `t('errors.<code>')`. */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  password_policy: 400,
  unauthenticated: 401,
  login_failed: 401,
  totp_invalid: 401,
  totp_required: 401,
  session_expired: 401,
  forbidden: 403,
  password_change_required: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field that failed validation: the path (`units.0.name`) and what was wrong. */
export interface FieldIssue {
  field: string;
  issue: string;
  /** Constraint value where it helps the message (max length, allowed values, …). */
  limit?: number | string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_CODES;
}
