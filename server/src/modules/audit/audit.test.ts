import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';

let t: TestApp;
let auditor: Session;
beforeAll(async () => {
  t = await testApp();
  const sys = await login(t.app, 'sysadmin');
  await sys.request('POST', '/api/v1/units', { parentId: null, code: 'TMP', name: '临时专班', kind: 'other' });
  auditor = await login(t.app, 'auditor');
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('finds the unit creation with who, what and the after state', async () => {
    const res = (await auditor.request('GET', '/api/v1/audit-events?action=unit.create')).json();
    expect(res.total).toBe(1);
    expect(res.items[0]).toMatchObject({ username: 'sysadmin', role: 'sysadmin', objectType: 'unit', result: 'success' });
    expect(res.items[0].summary.after.name).toBe('临时专班');
  });

  it('takes % and _ in the filters as text, not as wildcards', async () => {
    expect((await auditor.request('GET', '/api/v1/audit-events?action=u_it.')).json().total).toBe(0);
    expect((await auditor.request('GET', '/api/v1/audit-events?username=%25')).json().total).toBe(0);
    expect((await auditor.request('GET', '/api/v1/audit-events?username=sysad')).json().total).toBeGreaterThan(0);
  });

  it('filters failures and pages newest first', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'nope-Nope-1' }, headers: { origin: 'http://localhost', host: 'localhost' } });
    const res = (await auditor.request('GET', '/api/v1/audit-events?result=failure&pageSize=1')).json();
    expect(res.items).toHaveLength(1);
    expect(res.items[0].action).toBe('auth.login_failed');
    const all = (await auditor.request('GET', '/api/v1/audit-events?pageSize=200')).json().items.map((e: { id: string }) => Number(e.id));
    expect(all).toEqual([...all].sort((a, b) => b - a));
  });

  it('exports to a workbook and records the export itself', async () => {
    const res = await auditor.request('GET', '/api/v1/audit-events/export?action=unit.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0]!.rowCount).toBe(2);
    const last = (await auditor.request('GET', '/api/v1/audit-events?pageSize=1')).json().items[0];
    expect(last.action).toBe('audit.export');
  });

  it('verifies the chain, and the database refuses to rewrite history', async () => {
    expect((await auditor.request('GET', '/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true });
    const refusal = (q: Promise<unknown>) => q.then(() => 'allowed', (e: Error & { cause?: Error }) => (e.cause ?? e).message);
    expect(await refusal(t.database.db.execute(sql`update audit_event set action = 'x'`))).toMatch(/append-only/);
    expect(await refusal(t.database.db.execute(sql`delete from audit_event`))).toMatch(/append-only/);
    expect(await refusal(t.database.db.execute(sql`truncate audit_event`))).toMatch(/append-only/);
  });
});
