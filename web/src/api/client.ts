import { isErrorCode, type ErrorCode } from '@lantu/core';

/** Codes the client adds for failures that never reached the API's error handler. */
export type ClientErrorCode = ErrorCode | 'network';

/** A failed API call: the contract's error code, the HTTP status and the error details. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'ApiError';
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** True when the error means "nobody is signed in" (go to the login page). */
export function isAuthError(err: unknown): boolean {
  return isApiError(err) && (err.code === 'unauthenticated' || err.code === 'session_expired');
}

const CSRF_COOKIE = 'lantu_csrf';
let csrfToken: string | null = null;
let language = 'zh-CN';

/** Remembers the CSRF token of the latest login/me response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so server messages match the screen. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const item = part.trim();
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length));
  }
  return null;
}

function currentCsrf(): string | null {
  return csrfToken ?? readCookie(CSRF_COOKIE);
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && isErrorCode(error.code)) {
    return new ApiError(error.code, res.status, error.details, typeof error.message === 'string' ? error.message : undefined);
  }
  const fallback: ErrorCode =
    res.status === 401 ? 'unauthenticated'
    : res.status === 403 ? 'forbidden'
    : res.status === 404 ? 'not_found'
    : res.status === 429 ? 'rate_limited'
    : res.status === 503 || res.status === 502 || res.status === 504 ? 'service_unavailable'
    : res.status >= 500 ? 'internal'
    : 'bad_request';
  return new ApiError(fallback, res.status);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its content type and boundary. */
  form?: FormData;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/**
 * The one way the web talks to the API: same-origin cookie session, JSON both ways,
 * CSRF token on every state change, the UI language as Accept-Language.
 * @throws ApiError with the contract's error code (or `network` when the request never got an answer)
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (method !== 'GET') {
    const token = currentCsrf();
    if (token) headers['x-csrf-token'] = token;
  }
  if (opts.body !== undefined && !opts.form) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${opts.query ? toQueryString(opts.query) : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('network', 0);
  }
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await res.json() : undefined) as T;
}

/** URL of a GET download (xlsx exports): a plain link carries the session cookie. */
export function downloadUrl(path: string, query: Record<string, QueryValue> = {}): string {
  return `/api/v1${path}${toQueryString(query)}`;
}
