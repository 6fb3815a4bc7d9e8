import { expect } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { ReportCycle, ReportDetail, ReportLine, UnitReport } from '@lantu/core';
import { type Session, type TestApp, login, testDatabase } from '../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { type Config, testConfig } from '../../config.js';
import { FakeClock } from '../../platform/clock.js';
import { auditEvent } from '../audit/audit.table.js';
import { notification } from '../notifications/notifications.table.js';
import { plan, planItem } from '../plans/plans.table.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';
import { zone } from '../zones/zones.table.js';

/** The demo zone with the people a reporting cycle involves, and shortcuts to drive it over HTTP. */
export interface ReportingFixture {
  t: TestApp;
  office: Session;
  reporter: Session;
  unitHead: Session;
  leader: Session;
  zoneId: string;
  unitIds: Record<string, string>;
  userIds: Record<string, string>;
  auditCount(): Promise<number>;
  /** In-app notifications of a demo user (by username), optionally of one kind. */
  notificationsOf(username: string, kind?: string): Promise<(typeof notification.$inferSelect)[]>;
  setAsOf(date: string): Promise<void>;
  openCycle(period: string, dates?: Record<string, string>): Promise<ReportCycle>;
  /** The report of a unit (by code) in a cycle, as the office reads it. */
  reportOf(cycleId: string, unitCode: string): Promise<ReportDetail>;
  detail(s: Session, reportId: string): Promise<ReportDetail>;
  put(s: Session, report: ReportDetail | string, line: ReportLine, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** Fills every line of a report with plausible figures (and a note, so flags are explained). */
  fillAll(s: Session, reportId: string): Promise<ReportDetail>;
  step(s: Session, reportId: string, verb: string, body?: Record<string, unknown>): Promise<LightMyRequestResponse>;
  createProject(code: string, extra?: Record<string, unknown>): Promise<{ id: string }>;
  /** Item 1.2 (狠抓工业项目建设) of the 2021 work plan, led by JFJ. */
  jfjItem: { id: string; planId: string; code: string };
  /** A monthly amount indicator (target 12) on the JFJ item, reported by `unitCode` (default JFJ). */
  createIndicator(code: string, extra?: Record<string, unknown>): Promise<{ id: string; version: number }>;
}

/** @param config overrides of the test configuration (a files directory for evidence). */
export async function reportingFixture(config: Partial<Config> = {}): Promise<ReportingFixture> {
  const database = await testDatabase();
  const clock = new FakeClock(Date.now());
  const app = await buildApp({ database, config: testConfig(config), clock });
  const t: TestApp = { app, database, clock, close: async () => { await app.close(); await database.close(); } };
  const [office, reporter, unitHead, leader] = [await login(t.app, 'office'), await login(t.app, 'reporter'), await login(t.app, 'unit_head'), await login(t.app, 'leader')];
  const db = t.database.db;
  const units = await db.select({ id: unit.id, code: unit.code, zoneId: unit.zoneId }).from(unit);
  const users = await db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.username, ['office', 'reporter', 'unit_head', 'leader']));
  const unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
  const userIds = Object.fromEntries(users.map((u) => [u.username, u.id]));
  const zoneId = units[0]!.zoneId;
  const [jfjItem] = await db
    .select({ id: planItem.id, planId: planItem.planId, code: planItem.code })
    .from(planItem)
    .innerJoin(plan, eq(plan.id, planItem.planId))
    .where(and(eq(plan.kind, 'annual'), eq(planItem.leadUnitId, unitIds.JFJ!), eq(planItem.code, '1.2')));
  // The demo zone comes with notifications of its own story; tests count only those they cause.
  const seeded = new Set((await db.select({ id: notification.id }).from(notification)).map((r) => r.id));
  const detail = async (s: Session, reportId: string) => {
    const res = await s.request('GET', `/api/v1/reports/${reportId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReportDetail>();
  };
  const put = (s: Session, report: ReportDetail | string, line: ReportLine, body: Record<string, unknown>) =>
    s.request('PUT', `/api/v1/reports/${typeof report === 'string' ? report : report.id}/lines/${line.id}`, { version: line.version, ...body });
  return {
    t, office, reporter, unitHead, leader, zoneId, unitIds, userIds, detail, put, jfjItem: jfjItem!,
    createIndicator: async (code, extra = {}) => {
      const body = { code, name: `测试指标${code}`, kind: 'amount', unitOfMeasure: '亿元', year: 2021, target: '12', reportingUnitId: unitIds.JFJ, ...extra };
      const res = await office.request('POST', `/api/v1/items/${jfjItem!.id}/indicators`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number }>();
    },
    auditCount: async () => (await db.select({ n: count() }).from(auditEvent))[0]!.n,
    notificationsOf: async (username, kind) => {
      const rows = (await db.select().from(notification).where(eq(notification.userId, userIds[username]!))).filter((r) => !seeded.has(r.id));
      return kind ? rows.filter((r) => r.kind === kind) : rows;
    },
    setAsOf: async (date) => {
      await db.update(zone).set({ asOfDate: date }).where(eq(zone.id, zoneId));
    },
    openCycle: async (period, dates = {}) => {
      const res = await office.request('POST', '/api/v1/report-cycles', { period, ...dates });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<ReportCycle>();
    },
    reportOf: async (cycleId, unitCode) => {
      const list = await office.request('GET', `/api/v1/reports?cycleId=${cycleId}&unitId=${unitIds[unitCode]}`);
      expect(list.statusCode, list.body).toBe(200);
      const [r] = list.json<{ items: UnitReport[] }>().items;
      expect(r, `report of ${unitCode}`).toBeDefined();
      return detail(office, r!.id);
    },
    fillAll: async (s, reportId) => {
      for (const line of (await detail(s, reportId)).lines) {
        const body = line.kind === 'indicator' ? { value: line.previous ?? '1', note: '按月填报' } : line.kind === 'project' ? { completedInvestment: 100, note: '按计划推进' } : { note: '按计划推进' };
        const res = await put(s, reportId, line, body);
        expect(res.statusCode, res.body).toBe(200);
      }
      return detail(s, reportId);
    },
    step: (s, reportId, verb, body = {}) => s.request('POST', `/api/v1/reports/${reportId}/${verb}`, body),
    createProject: async (code, extra = {}) => {
      const body = { code, name: `测试项目${code}`, category: 'industry', year: 2021, totalInvestment: 10000, annualInvestment: 6000, leadUnitId: unitIds.JFJ, ...extra };
      const res = await office.request('POST', '/api/v1/projects', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>();
    },
  };
}

/** The field issues of a 400 answer. */
export function fieldsOf(res: LightMyRequestResponse): { field: string; issue: string; limit?: number | string }[] {
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.details.fields;
}
