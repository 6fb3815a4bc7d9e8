import http from 'node:http';

/** A signed-in HTTP client of the real server: session cookie, CSRF token and same-origin header, as the web sends them. */

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
  ms: number;
}

/** The request never got an answer: refused, reset, or the server died while it was in flight. */
export class NoAnswer extends Error {}

const DEMO_PASSWORD = 'Demo@25311jz';

export class Client {
  cookie = '';
  csrf = '';
  private agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(
    public base: string,
    readonly username = 'anonymous',
  ) {}

  /** Points the client at a restarted server; the session (stored in the database) carries over. */
  rebase(base: string): void {
    this.base = base;
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * One request; JSON bodies parsed.
   * @throws NoAnswer when the connection failed or was cut before a complete response
   */
  request<T = unknown>(method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<Reply<T>> {
    const url = new URL(path, this.base);
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') {
      headers.origin = this.base;
      if (this.csrf) headers['x-csrf-token'] = this.csrf;
    }
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('aborted', () => reject(new NoAnswer(`${method} ${path}: response cut`)));
        res.on('error', (e) => reject(new NoAnswer(`${method} ${path}: ${e.message}`)));
        res.on('end', () => {
          if (!res.complete) return reject(new NoAnswer(`${method} ${path}: response incomplete`));
          const text = Buffer.concat(chunks).toString('utf8');
          for (const c of res.headers['set-cookie'] ?? []) this.takeCookie(c);
          let parsed: unknown = text;
          if (String(res.headers['content-type'] ?? '').includes('json') && text) parsed = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, body: parsed as T, text, ms: performance.now() - t0 });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => reject(new NoAnswer(`${method} ${path}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
      req.end(payload);
    });
  }

  /**
   * A request that must answer `expected`.
   * @throws Error naming the call and the answer otherwise
   */
  async expect<T = unknown>(expected: number, method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, path, body);
    if (r.status !== expected) throw new Error(`${method} ${path} as ${this.username}: HTTP ${r.status}, expected ${expected}: ${r.text.slice(0, 400)}`);
    return r.body;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.expect<T>(200, 'GET', path);
  }

  private takeCookie(setCookie: string): void {
    const [pair] = setCookie.split(';');
    const eq = (pair ?? '').indexOf('=');
    if (eq <= 0) return;
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1);
    const jar = new Map(this.cookie ? this.cookie.split('; ').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]) : []);
    if (value) jar.set(name, value);
    else jar.delete(name);
    this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs a demo account in, passing the second step with the demo code the login answer carries
 * outside production (office and the administrators).
 * @throws Error when either step is refused
 */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const c = new Client(base, username);
  const r = await c.expect<{ stage: string; csrfToken: string; demoTotpCode?: string }>(200, 'POST', '/api/v1/auth/login', { username, password });
  c.csrf = r.csrfToken;
  if (r.stage === 'totp') await c.expect(200, 'POST', '/api/v1/auth/totp', { code: r.demoTotpCode });
  return c;
}
