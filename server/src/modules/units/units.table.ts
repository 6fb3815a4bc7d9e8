import { type AnyPgColumn, boolean, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';

/** 部门/单位/街道/乡镇: a tree per zone. */
export const unit = pgTable(
  'unit',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => unit.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
  },
  (t) => [unique('unit_zone_code_uq').on(t.zoneId, t.code), index('unit_parent_idx').on(t.parentId)],
);
