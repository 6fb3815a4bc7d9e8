import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { plan, planItem } from '../src/modules/plans/plans.table.js';
import { unit } from '../src/modules/units/units.table.js';
import { appUser, roleGrant } from '../src/modules/users/users.table.js';
import { zone } from '../src/modules/zones/zones.table.js';
import { type Session, type TestApp, login, testApp } from './helpers.js';

/**
 * The world of the model-based tests (reports.model.test.ts, stages.model.test.ts): the demo zone
 * as of the end of 2021, and a unit of its own (MDL) whose reporter and head are the demo's, with
 * two sessions of the head and of the office to race each other.
 */
export interface ModelWorld {
  t: TestApp;
  reporter: Session;
  head: Session;
  head2: Session;
  office: Session;
  office2: Session;
  zoneId: string;
  mdl: string;
  /** An item of the 2021 work plan. */
  annualItemId: string;
}

export const AS_OF = '2021-12-31';

export { MODEL_RUN } from './test-config.js';

export async function openModelWorld(): Promise<ModelWorld> {
  const t = await testApp();
  const db = t.database.db;
  const [z] = await db.select({ id: zone.id }).from(zone);
  const zoneId = z!.id;
  await db.update(zone).set({ asOfDate: AS_OF }).where(eq(zone.id, zoneId));
  const [u] = await db.insert(unit).values({ zoneId, code: 'MDL', name: '模型测试局', kind: 'bureau' }).returning({ id: unit.id });
  const mdl = u!.id;
  const people = await db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.username, ['reporter', 'unit_head']));
  for (const p of people) await db.insert(roleGrant).values({ zoneId, userId: p.id, unitId: mdl, role: p.username === 'reporter' ? 'reporter' : 'unit_head' });
  const [reporter, head, head2, office, office2] = [await login(t.app, 'reporter'), await login(t.app, 'unit_head'), await login(t.app, 'unit_head'), await login(t.app, 'office'), await login(t.app, 'office')];
  const [item] = await db.select({ id: planItem.id }).from(planItem).innerJoin(plan, eq(plan.id, planItem.planId)).where(and(eq(plan.kind, 'annual'), eq(plan.startYear, 2021))).limit(1);
  return { t, reporter, head, head2, office, office2, zoneId, mdl, annualItemId: item!.id };
}

export const codeOf = (r: LightMyRequestResponse) => (r.statusCode >= 400 ? (r.json() as { error: { code: string } }).error.code : 'ok');

/** Of concurrent requests: how many won, and whether every other one was refused with a 409. */
export function race(rs: LightMyRequestResponse[]): { winners: number; othersConflict: boolean } {
  const winners = rs.filter((r) => r.statusCode === 200).length;
  return { winners, othersConflict: rs.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409) };
}
