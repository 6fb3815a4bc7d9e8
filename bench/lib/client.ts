import http from 'node:http';
import { currentTotp } from '../../server/src/modules/auth/totp.js';

/** A minimal HTTP client over loopback keep-alive connections: as little client work as possible in the measured process. */

export interface Reply<T = unknown> {
  status: number;
  body: T;
  raw: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export class BenchError extends Error {}

/** A signed-in user: session cookie and CSRF token, as the web app sends them. */
export class Session {
  cookie = '';
  csrf = '';

  constructor(
    readonly base: string,
    readonly username: string,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply<T>> {
    const url = new URL(path, this.base);
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') {
      headers.origin = this.base;
      if (this.csrf) headers['x-csrf-token'] = this.csrf;
    }
    if (payload) {
      headers['content-length'] = String(payload.length);
      headers['content-type'] ??= 'application/json';
    }
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          for (const c of res.headers['set-cookie'] ?? []) this.takeCookie(c);
          const type = String(res.headers['content-type'] ?? '');
          let parsed: unknown = raw;
          if (type.includes('json') && raw.length) parsed = JSON.parse(raw.toString('utf8'));
          resolve({ status: res.statusCode ?? 0, body: parsed as T, raw });
        });
        res.on('error', reject);
      });
      req.setTimeout(300_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  private takeCookie(setCookie: string): void {
    const [pair] = setCookie.split(';');
    const [name, value] = (pair ?? '').split('=');
    if (!name) return;
    const jar = new Map(this.cookie ? this.cookie.split('; ').map((p) => p.split('=') as [string, string]) : []);
    if (value) jar.set(name.trim(), value);
    else jar.delete(name.trim());
    this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** The request must answer `expected`; else a BenchError naming the call and the answer. */
  async expect<T = unknown>(expected: number, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const reply = await this.request<T>(method, path, body, headers);
    if (reply.status !== expected) {
      const text = reply.raw.toString('utf8').slice(0, 500);
      throw new BenchError(`${method} ${path} as ${this.username}: HTTP ${reply.status} (expected ${expected}): ${text}`);
    }
    return reply.body;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.expect<T>(200, 'GET', path);
  }
}

/** Signs in through the API (the second factor with the account's TOTP secret when the role needs one). */
export async function login(base: string, username: string, password: string, totpSecret?: string | null): Promise<Session> {
  const s = new Session(base, username);
  const me = await s.expect<{ stage: string; csrfToken: string }>(200, 'POST', '/api/v1/auth/login', { username, password });
  s.csrf = me.csrfToken;
  if (me.stage === 'totp') {
    if (!totpSecret) throw new BenchError(`${username} needs a one-time code and has no known secret`);
    await s.expect(200, 'POST', '/api/v1/auth/totp', { code: currentTotp(totpSecret, new Date()) });
  } else if (me.stage !== 'ok') throw new BenchError(`${username}: unexpected login stage ${me.stage}`);
  return s;
}

/** A multipart/form-data body with one file field, as a browser uploads it. */
export function multipartFile(field: string, filename: string, type: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----lantubench${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
