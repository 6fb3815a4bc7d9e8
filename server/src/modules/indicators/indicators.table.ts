import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { ProjectFilter } from '@lantu/core';
import { baseColumns, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { unit } from '../units/units.table.js';
import { planItem } from '../plans/plans.table.js';

/** 指标: a measurable target on a plan item (product.md: the five kinds). Numbers are numeric, read as decimal strings. */
export const indicator = pgTable(
  'indicator',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    itemId: uuid('item_id').notNull().references(() => planItem.id, { onDelete: 'cascade' }),
    /** Short code unique in the zone, used by formulas and imports (e.g. INV-2021). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    direction: text('direction').notNull().default('increase'),
    /** Unit of measure: 亿元, 万元, 万平方米, 个, 人, 亩, %, 位, 人次, 亿斤 … */
    unitOfMeasure: text('unit_of_measure').notNull(),
    /** The year the annual target applies to. */
    year: integer('year').notNull(),
    baseline: numeric('baseline'),
    target: numeric('target').notNull(),
    limitMode: text('limit_mode'),
    bandLow: numeric('band_low'),
    bandHigh: numeric('band_high'),
    /** Custom time-phased curve: cumulative share due by the end of each month (12 numbers); null = linear 序时进度. */
    curve: jsonb('curve').$type<number[] | null>(),
    frequency: text('frequency').notNull().default('monthly'),
    thresholds: jsonb('thresholds').$type<Record<string, number>>().notNull().default({}),
    /** reported | formula | projects | enterprises — an open set as later modules add sources. */
    source: text('source').notNull().default('reported'),
    formula: text('formula'),
    /** source `projects`: which projects it counts or sums and what (core ProjectFilter). */
    projectFilter: jsonb('project_filter').$type<ProjectFilter | null>(),
    /** Unit that reports the values; defaults to the item's lead unit. */
    reportingUnitId: uuid('reporting_unit_id').references(() => unit.id),
    weight: numeric('weight').notNull().default('1'),
    position: integer('position').notNull().default(0),
    isPublic: boolean('is_public').notNull().default(false),
    /** Where the target comes from in the source document (quoted text), for traceability. */
    sourceText: text('source_text'),
    version: versionColumn(),
  },
  (t) => [unique('indicator_zone_code_uq').on(t.zoneId, t.code), index('indicator_item_idx').on(t.itemId)],
);

/** 指标值: one value per indicator per month ('2021-03'). Prior-year months give the seasonal profile. */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    indicatorId: uuid('indicator_id').notNull().references(() => indicator.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    /** amount: the month's flow; others: the value at the end of the month (growth: 1–N月 cumulative rate). */
    value: numeric('value').notNull(),
    /** growth: this year's and last year's same-period cumulative amounts, when known. */
    currentAmount: numeric('current_amount'),
    lastYearAmount: numeric('last_year_amount'),
    note: text('note'),
    /** accepted | submitted | returned | draft (reporting cycles arrive later; direct entries are accepted). */
    reviewState: text('review_state').notNull().default('accepted'),
    reportId: uuid('report_id'),
    version: versionColumn(),
  },
  (t) => [unique('indicator_value_period_uq').on(t.indicatorId, t.period), index('indicator_value_zone_idx').on(t.zoneId)],
);

/** An uploaded evidence file of a value, stored under a generated name outside any static root. */
export const evidenceFile = pgTable(
  'evidence_file',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    valueId: uuid('value_id').notNull().references(() => indicatorValue.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('evidence_file_value_idx').on(t.valueId)],
);
