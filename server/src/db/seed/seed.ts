import { count, eq } from 'drizzle-orm';
import { needsTotp } from '@lantu/core';
import type { Db, DbOrTx } from '../client.js';
import { type Actor, SYSTEM_ACTOR, recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../modules/auth/passwords.js';
import { newTotpSecret } from '../../modules/auth/totp.js';
import { appUser, roleGrant } from '../../modules/users/users.table.js';
import { unit } from '../../modules/units/units.table.js';
import { zone } from '../../modules/zones/zones.table.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS, type DemoUnit } from './demo-units.js';
import { seedDemoPlans } from './plan-seed.js';
import { seedDemoProjects } from './projects-insert.js';
import { seedDemoReporting } from './reporting-seed.js';

export const DEMO_ZONE_CODE = 'jiaozuo-hitech';

async function insertUnits(tx: DbOrTx, zoneId: string, node: DemoUnit, parentId: string | null, sort: number, ids: Map<string, string>) {
  const [row] = await tx
    .insert(unit)
    .values({ zoneId, parentId, code: node.code, name: node.name, shortName: node.shortName ?? null, kind: node.kind, sort })
    .returning({ id: unit.id });
  ids.set(node.code, row!.id);
  let i = 0;
  for (const child of node.children ?? []) await insertUnits(tx, zoneId, child, row!.id, (i += 10), ids);
}

/**
 * Loads the demo zone (焦作高新区) if it is not there yet. Returns whether it seeded.
 * Privileged and office demo accounts get a TOTP secret; the login page shows their current code.
 */
export async function seedDemo(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  const [existing] = await db.select({ id: zone.id }).from(zone).where(eq(zone.code, DEMO_ZONE_CODE));
  if (existing) return false;
  // Demo accounts share one known password, so one argon2 hash serves them all (and the start stays quick).
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [z] = await tx.insert(zone).values({ code: DEMO_ZONE_CODE, name: '焦作高新技术产业开发区', asOfDate: '2021-03-15', isDemo: true }).returning();
    const ids = new Map<string, string>();
    await insertUnits(tx, z!.id, DEMO_UNITS, null, 0, ids);
    const userIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const totp = needsTotp([a.role]);
      const [u] = await tx
        .insert(appUser)
        .values({ zoneId: z!.id, username: a.username, displayName: a.displayName, passwordHash: demoHash, isDemo: true, totpSecret: totp ? newTotpSecret() : null, totpEnabled: totp })
        .returning({ id: appUser.id });
      await tx.insert(roleGrant).values({ zoneId: z!.id, userId: u!.id, unitId: ids.get(a.unit)!, role: a.role });
      userIds.set(a.username, u!.id);
    }
    const plans = await seedDemoPlans(tx, z!.id, ids, userIds);
    const projects = await seedDemoProjects(tx, z!.id, ids, userIds);
    const reporting = await seedDemoReporting(tx, z!.id, ids, userIds);
    await recordAudit(tx, { ...actor, zoneId: z!.id }, {
      action: 'system.seed', objectType: 'zone', objectId: z!.id,
      summary: { zone: DEMO_ZONE_CODE, units: ids.size, users: userIds.size, plans: plans.plans, planItems: plans.items, indicators: plans.indicators, indicatorValues: plans.values, projects: projects.projects, projectProgress: projects.progress, projectProblems: projects.problems, ...reporting },
    });
  });
  return true;
}

export async function demoAccountCount(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(appUser).where(eq(appUser.isDemo, true));
  return r?.n ?? 0;
}

export async function zoneCount(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(zone);
  return r?.n ?? 0;
}
