import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { unit } from '../units/units.table.js';
import { planItem } from '../plans/plans.table.js';
import { indicator } from '../indicators/indicators.table.js';
import { project } from '../projects/projects.table.js';

/** 填报周期: one per zone and month, with open, due and close dates. */
export const reportCycle = pgTable(
  'report_cycle',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    period: text('period').notNull(),
    openDate: date('open_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    closeDate: date('close_date', { mode: 'string' }).notNull(),
    /** open | closed. A closed cycle locks its reports (reopening one is an audited act). */
    state: text('state').notNull().default('open'),
    closedAt: ts('closed_at'),
    version: versionColumn(),
  },
  (t) => [unique('report_cycle_zone_period_uq').on(t.zoneId, t.period)],
);

/** A unit's report for a cycle: everything the unit owes for the month. */
export const unitReport = pgTable(
  'unit_report',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    cycleId: uuid('cycle_id').notNull().references(() => reportCycle.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    state: text('state').notNull().default('not_started'),
    submittedAt: ts('submitted_at'),
    /** The business date of submission, for the late flag. */
    submittedOn: date('submitted_on', { mode: 'string' }),
    approvedAt: ts('approved_at'),
    acceptedAt: ts('accepted_at'),
    returnedAt: ts('returned_at'),
    returnComment: text('return_comment'),
    /** Set when the office reopens a report of a closed cycle: it may change again until accepted. */
    reopenedAt: ts('reopened_at'),
    reopenReason: text('reopen_reason'),
    version: versionColumn(),
  },
  (t) => [unique('unit_report_cycle_unit_uq').on(t.cycleId, t.unitId), index('unit_report_zone_idx').on(t.zoneId)],
);

/** One thing a report owes: an indicator's value, a project's progress, or an item's progress note. */
export const reportLine = pgTable(
  'report_line',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    reportId: uuid('report_id').notNull().references(() => unitReport.id, { onDelete: 'cascade' }),
    /** indicator | project | item */
    kind: text('kind').notNull(),
    itemId: uuid('item_id').references(() => planItem.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicator.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => project.id, { onDelete: 'cascade' }),
    value: numeric('value'),
    currentAmount: numeric('current_amount'),
    lastYearAmount: numeric('last_year_amount'),
    completedInvestment: bigint('completed_investment', { mode: 'number' }),
    imageProgress: text('image_progress'),
    progress: numeric('progress'),
    note: text('note'),
    /** Check results at the last save (jump, cumulative_down, above_remaining). */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    returnReason: text('return_reason'),
    position: integer('position').notNull().default(0),
    version: versionColumn(),
  },
  (t) => [index('report_line_report_idx').on(t.reportId)],
);

/** Evidence attached to a report line; on acceptance it becomes the accepted value's evidence. */
export const reportLineFile = pgTable(
  'report_line_file',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    lineId: uuid('line_id').notNull().references(() => reportLine.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The same stored file is linked to the value once accepted. */
    accepted: boolean('accepted').notNull().default(false),
  },
  (t) => [index('report_line_file_line_idx').on(t.lineId)],
);

/** An item's accepted monthly progress note (from the item lines of reports). */
export const itemProgressNote = pgTable(
  'item_progress_note',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    itemId: uuid('item_id').notNull().references(() => planItem.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    note: text('note'),
    progress: numeric('progress'),
    reportId: uuid('report_id'),
  },
  (t) => [unique('item_progress_note_uq').on(t.itemId, t.period)],
);
