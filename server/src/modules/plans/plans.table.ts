import { type AnyPgColumn, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';

/** 规划/计划: a strategic plan (2021–2035 "25311") or an annual work plan. */
export const plan = pgTable(
  'plan',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** Labels of the tree levels, top first: 定位 / 聚焦 / 举措 / 任务. */
    levelLabels: jsonb('level_labels').$type<string[]>().notNull(),
    /** Partial Thresholds and RollupScores overriding the defaults for this plan. */
    thresholds: jsonb('thresholds').$type<Record<string, number>>().notNull().default({}),
    status: text('status').notNull().default('active'),
    isPublic: boolean('is_public').notNull().default(false),
    version: versionColumn(),
  },
  (t) => [index('plan_zone_idx').on(t.zoneId)],
);

/** 目标/任务: a node of a plan's tree, with responsibility and weight. */
export const planItem = pgTable(
  'plan_item',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    planId: uuid('plan_id').notNull().references(() => plan.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => planItem.id),
    /** Order among siblings (0-based); the code 1.2.3 is derived from it. */
    position: integer('position').notNull(),
    /** Dotted code kept consistent with the tree whenever items move. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    leadUnitId: uuid('lead_unit_id').references(() => unit.id),
    /** 分管领导. */
    leaderId: uuid('leader_id').references(() => appUser.id),
    ownerId: uuid('owner_id').references(() => appUser.id),
    weight: numeric('weight').notNull().default('1'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    progressMethod: text('progress_method').notNull().default('children'),
    /** method `manual`: 0–100. */
    manualProgress: numeric('manual_progress'),
    isPublic: boolean('is_public').notNull().default(false),
    version: versionColumn(),
  },
  (t) => [unique('plan_item_code_uq').on(t.planId, t.code), index('plan_item_parent_idx').on(t.parentId), index('plan_item_plan_idx').on(t.planId)],
);

/** 协办单位: co-responsible units of an item. */
export const planItemCoUnit = pgTable(
  'plan_item_co_unit',
  {
    itemId: uuid('item_id').notNull().references(() => planItem.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.unitId] }), index('plan_item_co_unit_unit_idx').on(t.unitId)],
);

/** An annual item delivers part of one or more strategic items. */
export const planItemAlignment = pgTable(
  'plan_item_alignment',
  {
    itemId: uuid('item_id').notNull().references(() => planItem.id, { onDelete: 'cascade' }),
    strategicItemId: uuid('strategic_item_id').notNull().references(() => planItem.id, { onDelete: 'cascade' }),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.strategicItemId] }), index('plan_item_alignment_strategic_idx').on(t.strategicItemId)],
);
