import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports the database kind, schema version and uptime', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(['pglite', 'postgres']).toContain(body.database);
    expect(body.migrations).toBeGreaterThanOrEqual(2);
    expect(body.schemaVersion).toMatch(/^\d{4}_/);
  });
});
