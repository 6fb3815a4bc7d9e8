import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, openPglite, openPostgres, queryRows } from '../../server/src/db/client.js';
import { backupTables } from '../../server/src/db/backup.js';
import { seedDemo } from '../../server/src/db/seed/seed.js';
import { createSession } from '../../server/src/platform/sessions.js';
import type { Clock } from '../../server/src/platform/clock.js';
import { createDatabase, dropDatabase } from './proc.js';

/**
 * The fuzz drill's world: the demo zone (A, whose people send the requests) and a second zone (B,
 * a full copy of the demo with other ids, whose objects the requests must never reach), plus
 * sacrificial users in A for the routes that lock, reset or disable accounts.
 */

export const ZONE_B_CODE = 'drill-other-zone';
export const VICTIMS = ['fuzz-victim-1', 'fuzz-victim-2', 'fuzz-victim-3', 'fuzz-victim-4'];

export interface World {
  database: Database;
  zoneA: string;
  zoneB: string;
  close(): Promise<void>;
}

/** Two seeded zones: the first seed is renamed to zone B (and its usernames prefixed), then the demo is seeded again. */
export async function openWorld(kind: 'pglite' | 'postgres'): Promise<World> {
  let database: Database;
  let drop = async () => {};
  if (kind === 'pglite') database = await openPglite('memory://');
  else {
    const name = `drill_fuzz_${process.pid}`;
    database = await openPostgres(await createDatabase(name), 4);
    drop = () => dropDatabase(name);
  }
  const db = database.db;
  await database.migrate();
  await seedDemo(db);
  await db.execute(sql`update zone set code = ${ZONE_B_CODE}, name = '演练用的另一个开发区'`);
  await db.execute(sql`update app_user set username = 'z2-' || username`);
  await seedDemo(db);
  const [a] = await queryRows<{ id: string }>(db, sql`select id from zone where code <> ${ZONE_B_CODE}`);
  const [b] = await queryRows<{ id: string }>(db, sql`select id from zone where code = ${ZONE_B_CODE}`);
  // Victims share the demo password hash; 1: reporter of KJJ, 2: unit head of KJJ, 3: leader, 4: no role.
  const roles: [string, string | null][] = [['KJJ', 'reporter'], ['KJJ', 'unit_head'], ['GWH', 'leader'], ['KJJ', null]];
  for (const [i, v] of VICTIMS.entries()) {
    const [u] = await queryRows<{ id: string }>(
      db,
      sql`insert into app_user (zone_id, username, display_name, password_hash, is_demo)
          select zone_id, ${v}, ${`演练账号${i + 1}`}, password_hash, false from app_user where username = 'leader' returning id`,
    );
    const [unitCode, role] = roles[i]!;
    if (role) await db.execute(sql`insert into role_grant (zone_id, user_id, unit_id, role) select ${a!.id}, ${u!.id}, id, ${role} from unit where zone_id = ${a!.id} and code = ${unitCode}`);
  }
  return {
    database,
    zoneA: a!.id,
    zoneB: b!.id,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/** A session cookie for a user, made directly in the database (no password, no rate limit). */
export async function sessionFor(world: World, clock: Clock, username: string, stage: 'ok' | 'totp' = 'ok'): Promise<{ cookie: string; csrf: string }> {
  const [u] = await queryRows<{ id: string }>(world.database.db, sql`select id from app_user where username = ${username}`);
  if (!u) throw new Error(`no user ${username}`);
  const { token, csrfToken } = await createSession(world.database.db, { userId: u.id, stage, ip: '127.0.0.1', userAgent: 'lantu-drill', absoluteHours: 12, now: clock.now() });
  return { cookie: `lantu_sid=${token}; lantu_csrf=${csrfToken}`, csrf: csrfToken };
}

/** Tables whose ids path parameters and reference fields name. */
export const POOL_TABLES = [
  'unit', 'app_user', 'role_grant', 'plan', 'plan_item', 'indicator', 'indicator_value', 'evidence_file', 'project', 'project_progress', 'project_photo',
  'project_problem', 'report_cycle', 'unit_report', 'report_line', 'report_line_file', 'notification', 'notification_channel', 'delivery',
] as const;
export type PoolTable = (typeof POOL_TABLES)[number];
export type Pools = Record<PoolTable, { a: string[]; b: string[] }> & {
  linesOf: Map<string, string[]>;
  allB: Set<string>;
  /** Zone A objects of reporting (`report`) and the project registry (`project`) with the unit they belong to. */
  owner: Map<string, { unitId: string; family: 'report' | 'project' }>;
  /** The unit the demo reporter and unit head work in (JFJ). */
  staffUnit: string;
};

/** Ids per table in each zone (in zone A, accounts only the victims and their grants). */
export async function pools(world: World): Promise<Pools> {
  const db = world.database.db;
  const out = { linesOf: new Map<string, string[]>(), allB: new Set<string>(), owner: new Map() } as Pools;
  for (const t of POOL_TABLES) {
    const where =
      t === 'app_user'
        ? sql`(zone_id = ${world.zoneB} or username in (${sql.join(VICTIMS.map((v) => sql`${v}`), sql`, `)}))`
        : t === 'role_grant'
          ? sql`(zone_id = ${world.zoneB} or user_id in (select id from app_user where username in (${sql.join(VICTIMS.map((v) => sql`${v}`), sql`, `)})))`
          : sql`true`;
    const rows = await queryRows<{ id: string; zone_id: string }>(db, sql`select id::text, zone_id::text from ${sql.identifier(t)} where ${where} order by id limit 400`);
    out[t] = { a: rows.filter((r) => r.zone_id === world.zoneA).map((r) => r.id), b: rows.filter((r) => r.zone_id === world.zoneB).map((r) => r.id) };
  }
  const everyB = await queryRows<{ id: string }>(
    db,
    sql.join(POOL_TABLES.map((t) => sql`select id::text from ${sql.identifier(t)} where zone_id = ${world.zoneB}`), sql` union all `),
  );
  for (const r of everyB) out.allB.add(r.id);
  const owned = await queryRows<{ id: string; unit_id: string; family: 'report' | 'project' }>(
    db,
    sql`select r.id::text, r.unit_id::text, 'report' as family from unit_report r where r.zone_id = ${world.zoneA}
        union all select l.id::text, r.unit_id::text, 'report' from report_line l join unit_report r on r.id = l.report_id where r.zone_id = ${world.zoneA}
        union all select f.id::text, r.unit_id::text, 'report' from report_line_file f join report_line l on l.id = f.line_id join unit_report r on r.id = l.report_id where r.zone_id = ${world.zoneA}
        union all select p.id::text, p.lead_unit_id::text, 'project' from project p where p.zone_id = ${world.zoneA} and p.lead_unit_id is not null
        union all select x.id::text, p.lead_unit_id::text, 'project' from project_progress x join project p on p.id = x.project_id where p.zone_id = ${world.zoneA} and p.lead_unit_id is not null
        union all select x.id::text, p.lead_unit_id::text, 'project' from project_problem x join project p on p.id = x.project_id where p.zone_id = ${world.zoneA} and p.lead_unit_id is not null
        union all select x.id::text, p.lead_unit_id::text, 'project' from project_photo x join project_progress g on g.id = x.progress_id join project p on p.id = g.project_id where p.zone_id = ${world.zoneA} and p.lead_unit_id is not null`,
  );
  for (const o of owned) out.owner.set(o.id, { unitId: o.unit_id, family: o.family });
  const [jfj] = await queryRows<{ id: string }>(db, sql`select id::text from unit where zone_id = ${world.zoneA} and code = 'JFJ'`);
  out.staffUnit = jfj!.id;
  for (const r of await queryRows<{ id: string; report_id: string }>(db, sql`select id::text, report_id::text from report_line`)) {
    (out.linesOf.get(r.report_id) ?? out.linesOf.set(r.report_id, []).get(r.report_id)!).push(r.id);
  }
  return out;
}

/**
 * Everything a rejected request must leave alone: every backed-up table (counters of failed logins
 * aside), the business audit events, and the files directory.
 */
export async function fingerprint(db: Database['db'], filesDir: string): Promise<Map<string, string>> {
  const parts = backupTables()
    .filter((t) => t !== 'audit_event')
    .map((t) => {
      const row = t === 'app_user' ? sql.raw(`(to_jsonb(x) - 'failed_logins' - 'locked_until' - 'last_login_at')::text`) : sql.raw('x::text');
      return sql`select ${t} as t, count(*)::text || ':' || coalesce(sum(hashtext(${row})::bigint), 0)::text as f from ${sql.identifier(t)} x`;
    });
  parts.push(sql`select 'audit_event' as t, count(*)::text as f from audit_event where action not like 'auth.%' and action not like '%.export'`);
  const rows = await queryRows<{ t: string; f: string }>(db, sql.join(parts, sql` union all `));
  const files = fs.existsSync(filesDir) ? fs.readdirSync(filesDir).sort() : [];
  return new Map([...rows.map((r) => [r.t, r.f] as [string, string]), ['files directory', `${files.length}:${files.join(',').length}`]]);
}

/** The next transaction id to be handed out: unchanged means no transaction wrote anything since. */
export async function nextXid(db: Database['db']): Promise<string> {
  const [r] = await queryRows<{ x: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`);
  return r!.x;
}
