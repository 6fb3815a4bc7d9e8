import { integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';

/** Password, lockout and session policy per zone, managed by the security admin. */
export const securityPolicy = pgTable('security_policy', {
  ...baseColumns(),
  zoneId: uuid('zone_id').notNull().unique().references(() => zone.id),
  minLength: integer('min_length').notNull(),
  privilegedMinLength: integer('privileged_min_length').notNull(),
  minClasses: integer('min_classes').notNull(),
  lockoutThreshold: integer('lockout_threshold').notNull(),
  lockoutMinutes: integer('lockout_minutes').notNull(),
  idleTimeoutMinutes: integer('idle_timeout_minutes').notNull(),
  absoluteTimeoutHours: integer('absolute_timeout_hours').notNull(),
  version: versionColumn(),
});
