import { boolean, date, pgTable, text } from 'drizzle-orm/pg-core';
import { baseColumns, versionColumn } from '../../db/columns.js';

/** 开发区: the tenant. Every business row carries its id. */
export const zone = pgTable('zone', {
  ...baseColumns(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** The zone's business "today": reporting and status are judged as of this date. */
  asOfDate: date('as_of_date', { mode: 'string' }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: versionColumn(),
});
