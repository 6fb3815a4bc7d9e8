import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, ROLES, type Role, createUserBody, isPrivilegedRole, name as nameSchema, needsTotp, unitCode } from '@lantu/core';
import type { Db } from '../db/client.js';
import { recordAudit } from '../platform/audit.js';
import { systemClock } from '../platform/clock.js';
import { assertPasswordAcceptable } from '../modules/auth/passwords.js';
import { getPolicy } from '../modules/security/security.service.js';
import { createUnit } from '../modules/units/units.service.js';
import { unit } from '../modules/units/units.table.js';
import { addGrant, createUser } from '../modules/users/users.service.js';
import { appUser } from '../modules/users/users.table.js';
import { zone } from '../modules/zones/zones.table.js';
import { CliFailure, type Command, UsageError, cliActor, parseCommand, withDatabase } from './context.js';

const OPTIONS = {
  username: { type: 'string' },
  name: { type: 'string' },
  unit: { type: 'string' },
  'unit-name': { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  zone: { type: 'string' },
  'zone-name': { type: 'string' },
} as const;

interface Input {
  username: string;
  displayName: string;
  unitCode: string;
  unitName?: string;
  role: Role;
  zoneCode?: string;
  zoneName?: string;
}

/** @throws UsageError naming the first missing or malformed option */
function validate(values: Partial<Record<keyof typeof OPTIONS, string>>): Input {
  for (const key of ['username', 'name', 'unit', 'role'] as const) if (!values[key]) throw new UsageError(`--${key} is required`);
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const shape = createUserBody.pick({ username: true, displayName: true }).safeParse({ username: values.username, displayName: values.name });
  if (!shape.success) throw new UsageError(`--${shape.error.issues[0]?.path[0] === 'username' ? 'username must be 3–32 characters a-z 0-9 _ . - starting with a letter' : 'name must be 1–50 characters'}`);
  for (const key of ['unit', 'zone'] as const) {
    if (values[key] !== undefined && !unitCode.safeParse(values[key]).success) throw new UsageError(`--${key} must be a code of 1–32 characters A-Z a-z 0-9 _ . -`);
  }
  for (const key of ['unit-name', 'zone-name'] as const) {
    if (values[key] !== undefined && !nameSchema(100).safeParse(values[key]).success) throw new UsageError(`--${key} must be 1–100 characters`);
  }
  return { username: shape.data.username, displayName: shape.data.displayName, unitCode: values.unit!, unitName: values['unit-name'], role, zoneCode: values.zone, zoneName: values['zone-name'] };
}

/**
 * The zone to create the user in: --zone, else the only zone. Null when --zone names a zone
 * that does not exist yet (it is created once every check has passed).
 * @throws CliFailure when no zone is named and there is not exactly one
 */
async function findZone(db: Db, input: Input): Promise<{ id: string; code: string; name: string } | null> {
  const zones = await db.select({ id: zone.id, code: zone.code, name: zone.name }).from(zone);
  if (input.zoneCode) {
    const found = zones.find((z) => z.code === input.zoneCode) ?? null;
    if (!found && !input.zoneName) throw new CliFailure(`Zone ${input.zoneCode} does not exist; add --zone-name "名称" to create it.`);
    return found;
  }
  if (zones.length === 1) return zones[0]!;
  if (zones.length === 0) throw new CliFailure('No zone exists yet: pass --zone CODE --zone-name "名称" to create the first one.');
  throw new CliFailure(`Several zones exist; choose one with --zone (${zones.map((z) => z.code).join(', ')}).`);
}

/**
 * The unit's id, or 'root' when the zone has no unit yet (its root unit is then created with that code).
 * @throws CliFailure when the zone has units but none with that code
 */
async function findUnit(db: Db, zoneId: string | undefined, code: string): Promise<string | 'root'> {
  if (!zoneId) return 'root';
  const units = await db.select({ id: unit.id, code: unit.code, parentId: unit.parentId }).from(unit).where(eq(unit.zoneId, zoneId));
  const found = units.find((u) => u.code === code);
  if (found) return found.id;
  if (units.length === 0) return 'root';
  throw new CliFailure(`Unit ${code} does not exist in this zone (top-level units: ${units.filter((u) => !u.parentId).map((u) => u.code).join(', ')}).`);
}

/** Creates the zone of a fresh deployment, audited. */
async function createZone(db: Db, code: string, name: string): Promise<string> {
  return db.transaction(async (tx) => {
    const asOfDate = new Date().toISOString().slice(0, 10);
    const [z] = await tx.insert(zone).values({ code, name, asOfDate }).returning({ id: zone.id });
    await recordAudit(tx, cliActor(z!.id), { action: 'zone.create', objectType: 'zone', objectId: z!.id, summary: { after: { code, name, asOfDate } } });
    return z!.id;
  });
}

/**
 * Checks everything that can fail before the first write, then writes zone, root unit, user and grant.
 * @throws CliFailure (zone, unit, username), AppError password_policy
 */
async function createAccount(db: Db, input: Input, password: string): Promise<string[]> {
  const existing = await findZone(db, input);
  const unitRef = await findUnit(db, existing?.id, input.unitCode);
  assertPasswordAcceptable(password, existing ? await getPolicy(db, existing.id) : DEFAULT_POLICY, isPrivilegedRole(input.role), input.username);
  const [taken] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username));
  if (taken) throw new CliFailure(`The username ${input.username} is taken.`);
  const notes: string[] = [];
  const zoneCode = existing?.code ?? input.zoneCode!;
  const zoneName = existing?.name ?? input.zoneName!;
  const zoneId = existing?.id ?? (await createZone(db, zoneCode, zoneName));
  if (!existing) notes.push(`Created zone ${zoneCode} (${zoneName}).`);
  const actor = cliActor(zoneId);
  let unitId = unitRef;
  if (unitRef === 'root') {
    unitId = (await createUnit(db, actor, zoneId, { parentId: null, code: input.unitCode, name: input.unitName ?? zoneName, kind: 'committee', sort: 0 })).id;
    notes.push(`Created root unit ${input.unitCode} (${input.unitName ?? zoneName}).`);
  }
  const user = await createUser(db, systemClock, actor, zoneId, { username: input.username, displayName: input.displayName, password });
  await addGrant(db, systemClock, actor, zoneId, user.id, unitId, input.role);
  const next = needsTotp([input.role]) ? 'change the password and enrol an authenticator app' : 'change the password';
  notes.push(`Created user ${input.username} (${input.displayName}) in zone ${zoneCode} with role ${input.role} in unit ${input.unitCode}; at first sign-in they must ${next}.`);
  return notes;
}

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'create an account with a role in a unit (bootstraps the first zone)',
  help: `Usage: lantu create-user --username NAME --name 显示名 --unit CODE --role ROLE
                         [--zone CODE [--zone-name 名称]] [--unit-name 名称] [--password P]

Creates an account in the zone (--zone, or the only zone) and grants ROLE in unit CODE.
The password is checked against the zone's policy (privileged roles need longer ones) and must
be changed at first sign-in. Without --password it is read from the terminal (not echoed) or
from the first line of standard input — prefer that: command lines end up in shell history.
Roles: ${ROLES.join(', ')}.

A new deployment has no zone yet: --zone CODE --zone-name 名称 creates it, and a zone without
units gets its root unit (code CODE, named --unit-name or after the zone), e.g.
  lantu create-user --zone jiaozuo --zone-name 焦作高新区 --unit GWH --unit-name 管委会 \\
                    --username admin --name 系统管理员 --role sysadmin`,
  async run(args, ctx) {
    const { values } = parseCommand(args, OPTIONS);
    const input = validate(values);
    const password = values.password ?? (await ctx.readSecret(`Password for ${input.username}: `));
    return withDatabase(ctx, async (database) => {
      await database.migrate();
      for (const line of await createAccount(database.db, input, password)) ctx.out(line);
      return 0;
    });
  },
};
