import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { appUser } from '../users/users.table.js';
import { unit } from '../units/units.table.js';
import { notification } from './notifications.table.js';
import { notify, usersOfUnit, usersWithRole } from './notify.service.js';
import { demoIds } from './notifications.test-helpers.js';

let t: TestApp;
let reporter: Session;
let head: Session;
let office: Session;
let zoneId: string;
let jfj: string;
beforeAll(async () => {
  t = await testApp();
  // The demo zone's own notifications (its reporting story) would blur what these tests count.
  await t.database.db.delete(notification);
  [reporter, head, office] = await Promise.all([login(t.app, 'reporter'), login(t.app, 'unit_head'), login(t.app, 'office')]);
  zoneId = (await demoIds(t.database.db, 'reporter')).zoneId;
  const [u] = await t.database.db.select({ id: unit.id }).from(unit).where(and(eq(unit.zoneId, zoneId), eq(unit.code, 'JFJ')));
  jfj = u!.id;
});
afterAll(() => t.close());

interface N { id: string; kind: string; params: Record<string, string | number>; link: string | null; readAt: string | null }
const list = async (s: Session, query = ''): Promise<{ items: N[]; total: number }> => (await s.request('GET', `/api/v1/notifications${query}`)).json();
const unread = async (s: Session): Promise<number> => (await s.request('GET', '/api/v1/notifications/unread-count')).json().unread;

describe('recipients', () => {
  it('finds the enabled staff of a unit by role, and every office user of the zone', async () => {
    const db = t.database.db;
    const ids = async (...names: string[]) => (await Promise.all(names.map((n) => demoIds(db, n)))).map((x) => x.userId).sort();
    expect(await usersOfUnit(db, zoneId, jfj, ['reporter', 'unit_head'])).toEqual(await ids('reporter', 'unit_head'));
    expect(await usersOfUnit(db, zoneId, jfj, ['unit_head'])).toEqual(await ids('unit_head'));
    expect(await usersWithRole(db, zoneId, ['office'])).toEqual(await ids('office'));
    expect(await usersWithRole(db, zoneId, [])).toEqual([]);
  });

  it('leaves out a disabled user', async () => {
    const db = t.database.db;
    const { userId } = await demoIds(db, 'unit_head');
    await db.update(appUser).set({ status: 'disabled' }).where(eq(appUser.id, userId));
    try {
      expect(await usersOfUnit(db, zoneId, jfj, ['reporter', 'unit_head'])).not.toContain(userId);
    } finally {
      await db.update(appUser).set({ status: 'active' }).where(eq(appUser.id, userId));
    }
  });
});

describe('in-app notifications', () => {
  it('notifies each user once per dedupe key, however often it is called', async () => {
    const db = t.database.db;
    const userIds = await usersOfUnit(db, zoneId, jfj, ['reporter', 'unit_head']);
    const input = { zoneId, userIds, kind: 'due_soon' as const, params: { period: '2021-03', unitName: '经济发展局', days: 3 }, link: '/reports/r1', dedupeKey: 'due_soon:3:r1' };
    expect(await notify(db, input)).toBe(2);
    expect(await notify(db, input)).toBe(0);
    expect(await db.transaction((tx) => notify(tx, { ...input, userIds: [...userIds, ...userIds] }))).toBe(0);
    const rows = await db.select().from(notification).where(eq(notification.dedupeKey, 'due_soon:3:r1'));
    expect(rows).toHaveLength(2);
  });

  it('shows users only their own, newest first, with an unread count and filter', async () => {
    const db = t.database.db;
    const { userId } = await demoIds(db, 'reporter');
    await notify(db, { zoneId, userIds: [userId], kind: 'returned', params: { period: '2021-03', unitName: '经济发展局', reason: '数据有误' }, link: '/reports/r1', dedupeKey: 'returned:r1:1' });
    const mine = await list(reporter);
    expect(mine.total).toBe(2);
    expect(mine.items.map((n) => n.kind)).toEqual(['returned', 'due_soon']);
    expect(mine.items[0]).toMatchObject({ params: { reason: '数据有误' }, link: '/reports/r1', readAt: null });
    expect(await unread(reporter)).toBe(2);
    expect((await list(office)).total).toBe(0);
    expect((await list(reporter, '?page=2&pageSize=1')).items.map((n) => n.kind)).toEqual(['due_soon']);
  });

  it('marks one read, keeps the first reading time, and filters read from unread', async () => {
    const [first] = (await list(reporter)).items;
    const res = await reporter.request('POST', `/api/v1/notifications/${first!.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).not.toBeNull();
    t.clock.advanceMinutes(5);
    const again = await reporter.request('POST', `/api/v1/notifications/${first!.id}/read`);
    expect(again.json().readAt).toBe(res.json().readAt);
    expect(await unread(reporter)).toBe(1);
    expect((await list(reporter, '?unread=true')).items.map((n) => n.id)).not.toContain(first!.id);
    expect((await list(reporter, '?unread=false')).items.map((n) => n.id)).toEqual([first!.id]);
  });

  it("answers 404 for another user's notification and changes nothing", async () => {
    const [theirs] = (await list(head)).items;
    expect(theirs).toBeDefined();
    const res = await reporter.request('POST', `/api/v1/notifications/${theirs!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await office.request('POST', `/api/v1/notifications/${theirs!.id}/read`)).statusCode).toBe(404);
    expect(await unread(head)).toBe(1);
    expect((await reporter.request('POST', '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('marks all read for the caller only', async () => {
    const res = await reporter.request('POST', '/api/v1/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(await unread(reporter)).toBe(0);
    expect(await unread(head)).toBe(1);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(res.statusCode).toBe(401);
  });
});
