import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { unit } from '../units/units.table.js';

export const appUser = pgTable('app_user', {
  ...baseColumns(),
  zoneId: uuid('zone_id').notNull().references(() => zone.id),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  phone: text('phone'),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: ts('password_changed_at'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  status: text('status').notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  lastLoginAt: ts('last_login_at'),
  isDemo: boolean('is_demo').notNull().default(false),
  version: versionColumn(),
});

/** A role a user holds in a unit. Privileged roles: at most one per user, never mixed (trigger + index). */
export const roleGrant = pgTable(
  'role_grant',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    userId: uuid('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    role: text('role').notNull(),
  },
  (t) => [
    unique('role_grant_uq').on(t.userId, t.unitId, t.role),
    uniqueIndex('role_grant_one_privileged_uq')
      .on(t.userId)
      .where(sql`role in ('sysadmin', 'secadmin', 'auditor')`),
    index('role_grant_unit_idx').on(t.unitId),
  ],
);
