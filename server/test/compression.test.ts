import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { FakeClock } from '../src/platform/clock.js';
import { testDatabase } from './helpers.js';
import type { Database } from '../src/db/client.js';

/** What travels: API answers compressed for clients that accept it, the web's files as built (precompressed, cached for good). */

let app: BuiltApp;
let database: Database;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-web-'));
const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `第${i}项`))};\n`;

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'page-Ab12.js'), script);
  fs.writeFileSync(path.join(dist, 'assets', 'page-Ab12.js.br'), zlib.brotliCompressSync(script));
  database = await testDatabase();
  app = await buildApp({ database, config: testConfig({ webDist: dist }), clock: new FakeClock(Date.now()) });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('compression', () => {
  it('compresses a large API answer for a client that accepts brotli, and not for one that does not', async () => {
    const br = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it('sends a built file precompressed, to be kept for good; without brotli, the file as it is', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/page-Ab12.js', headers: { 'accept-encoding': 'br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: 'GET', url: '/assets/page-Ab12.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.body).toBe(script);
    const shell = await app.inject({ method: 'GET', url: '/plans/x' });
    expect(shell.headers['cache-control']).toBe('no-cache');
  });
});
