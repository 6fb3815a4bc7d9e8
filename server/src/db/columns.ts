import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every table carries (architecture.md "Rules of the house"). */
export const baseColumns = () => ({
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

/** Optimistic lock for rows two people may edit. */
export const versionColumn = () => integer('version').notNull().default(0);

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
