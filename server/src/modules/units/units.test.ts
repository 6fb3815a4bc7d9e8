import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';

let t: TestApp;
let sys: Session;
beforeAll(async () => {
  t = await testApp();
  sys = await login(t.app, 'sysadmin');
});
afterAll(() => t.close());

interface U { id: string; code: string; parentId: string | null; version: number; name: string }
const units = async (): Promise<U[]> => (await sys.request('GET', '/api/v1/units')).json().items;
const byCode = async (code: string) => (await units()).find((u) => u.code === code)!;

describe('units', () => {
  it('holds the demo zone’s tree with the three 街道/镇/乡 under the committee', async () => {
    const root = await byCode('GWH');
    const all = await units();
    const names = all.filter((u) => u.parentId === root.id).map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['文昌街道办事处', '阳庙镇人民政府', '苏家作乡人民政府', '经济发展局']));
  });

  it('counts the members of each unit', async () => {
    const jfj = (await units()).find((u) => u.code === 'JFJ') as U & { memberCount: number };
    expect(jfj.memberCount).toBe(2); // the demo unit head and reporter
  });

  it('creates, renames and deletes a unit, with an English error in English', async () => {
    const parent = await byCode('JFJ');
    const created = await sys.request('POST', '/api/v1/units', { parentId: parent.id, code: 'JFJ-FW', name: '服务业发展科', kind: 'section' });
    expect(created.statusCode).toBe(201);
    const dup = await sys.request('POST', '/api/v1/units', { parentId: parent.id, code: 'JFJ-FW', name: '重复', kind: 'section' }, { 'accept-language': 'en-US' });
    expect(dup.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('code') });
    expect(dup.json().error.message).toMatch(/invalid/);
    const renamed = await sys.request('PATCH', `/api/v1/units/${created.json().id}`, { version: 0, name: '现代服务业科' });
    expect(renamed.json().name).toBe('现代服务业科');
    expect((await sys.request('DELETE', `/api/v1/units/${created.json().id}`)).statusCode).toBe(200);
  });

  it('refuses to make a unit its own descendant, and to delete a unit in use', async () => {
    const root = await byCode('GWH');
    const child = await byCode('JFJ-TJ');
    const cycle = await sys.request('PATCH', `/api/v1/units/${root.id}`, { version: root.version, parentId: child.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details.fields[0]).toMatchObject({ field: 'parentId', issue: 'cycle' });
    const inUse = await sys.request('DELETE', `/api/v1/units/${(await byCode('JFJ')).id}`);
    expect(inUse.statusCode).toBe(409);
    // 阳庙镇 has no members or sub-units, but leads plan items and projects.
    const referenced = await sys.request('DELETE', `/api/v1/units/${(await byCode('YMZ')).id}`);
    expect(referenced.statusCode).toBe(409);
    expect(referenced.json().error.details).toEqual({ reason: 'unit_in_use' });
    expect(await byCode('YMZ')).toBeTruthy();
  });
});
