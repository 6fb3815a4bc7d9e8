import { expect } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Project } from '@lantu/core';
import { type Session, type TestApp, login, testApp } from '../../../test/helpers.js';
import { auditEvent } from '../audit/audit.table.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import { zone } from '../zones/zones.table.js';

/** A test app with the sessions project tests use and the demo units and people by code / username. */
export interface ProjectFixture {
  t: TestApp;
  office: Session;
  reporter: Session;
  unitHead: Session;
  leader: Session;
  unitIds: Record<string, string>;
  userIds: Record<string, string>;
  zoneId: string;
  auditCount(): Promise<number>;
  /** Creates a project as the office (JFJ-led, 2021, 1亿元 with 0.6亿元 this year unless overridden). */
  createProject(code: string, extra?: Record<string, unknown>): Promise<Project>;
}

export async function projectFixture(): Promise<ProjectFixture> {
  const t = await testApp();
  const [office, reporter, unitHead, leader] = [await login(t.app, 'office'), await login(t.app, 'reporter'), await login(t.app, 'unit_head'), await login(t.app, 'leader')];
  const db = t.database.db;
  const units = await db.select({ id: unit.id, code: unit.code, zoneId: unit.zoneId }).from(unit).where(inArray(unit.code, ['JFJ', 'GJJ', 'ZSJ', 'MBB']));
  const users = await db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.username, ['leader', 'reporter', 'office']));
  const unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const fixture: ProjectFixture = {
    t,
    office,
    reporter,
    unitHead,
    leader,
    unitIds,
    userIds: Object.fromEntries(users.map((u) => [u.username, u.id])),
    zoneId: units[0]!.zoneId,
    auditCount: async () => (await db.select({ n: count() }).from(auditEvent))[0]!.n,
    createProject: async (code, extra = {}) => {
      const body = { code, name: `测试项目${code}`, category: 'industry', year: 2021, totalInvestment: 10000, annualInvestment: 6000, leadUnitId: unitIds.JFJ, ...extra };
      const res = await office.request('POST', '/api/v1/projects', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Project>();
    },
  };
  return fixture;
}

/** Another zone with one unit, for "objects of another zone do not exist" checks. */
export async function otherZone(t: TestApp): Promise<{ zoneId: string; unitId: string }> {
  const db = t.database.db;
  const [z] = await db.insert(zone).values({ code: `other-${Math.random().toString(36).slice(2, 8)}`, name: '别的开发区', asOfDate: '2021-03-15' }).returning();
  const [u] = await db.insert(unit).values({ zoneId: z!.id, code: 'X1', name: '别区经发局', kind: 'bureau' }).returning();
  return { zoneId: z!.id, unitId: u!.id };
}

/** The field issues of a 400 answer. */
export function fieldsOf(res: LightMyRequestResponse): { field: string; issue: string; limit?: number | string }[] {
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.details.fields;
}

/** Sets the zone's business date (statuses are judged as of it). */
export async function setAsOf(t: TestApp, zoneId: string, asOf: string): Promise<void> {
  await t.database.db.update(zone).set({ asOfDate: asOf }).where(eq(zone.id, zoneId));
}
