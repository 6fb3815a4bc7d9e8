import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts, versionColumn } from '../../db/columns.js';
import { zone } from '../zones/zones.table.js';
import { unit } from '../units/units.table.js';
import { appUser } from '../users/users.table.js';

/** Money columns: integer 万元 (product.md "Money is integer 万元"), read as JS numbers (exact below 2^53). */
const wan = (name: string) => bigint(name, { mode: 'number' });

/** 重点项目: the registry. `stage` changes only through the stage actions, which also set milestone actual dates. */
export const project = pgTable(
  'project',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    /** 建设单位/投资企业 as written; linked to the enterprise registry when it lands. */
    enterprise: text('enterprise'),
    description: text('description'),
    leadUnitId: uuid('lead_unit_id').references(() => unit.id),
    /** 分管领导. */
    leaderId: uuid('leader_id').references(() => appUser.id),
    /** The year of the zone's project list this project is on (2021 重点项目). */
    year: integer('year').notNull(),
    totalInvestment: wan('total_investment').notNull(),
    annualInvestment: wan('annual_investment').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    address: text('address'),
    /** 三个一批 tags: sign | start | production. */
    batches: jsonb('batches').$type<string[]>().notNull().default([]),
    stage: text('stage').notNull().default('planning'),
    isPublic: boolean('is_public').notNull().default(false),
    version: versionColumn(),
  },
  (t) => [unique('project_zone_code_uq').on(t.zoneId, t.code), index('project_lead_unit_idx').on(t.leadUnitId)],
);

/** One milestone per stage of a project: planned and actual date. */
export const projectMilestone = pgTable(
  'project_milestone',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    projectId: uuid('project_id').notNull().references(() => project.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    actualDate: date('actual_date', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [unique('project_milestone_stage_uq').on(t.projectId, t.stage)],
);

/** 月度进展: one row per project per month. The cumulative figure is derived, never stored. */
export const projectProgress = pgTable(
  'project_progress',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    projectId: uuid('project_id').notNull().references(() => project.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    completedInvestment: wan('completed_investment').notNull(),
    /** 形象进度. */
    imageProgress: text('image_progress'),
    note: text('note'),
    /** As indicator values: accepted | submitted | returned | draft; direct entries are accepted. */
    reviewState: text('review_state').notNull().default('accepted'),
    reportId: uuid('report_id'),
    version: versionColumn(),
  },
  (t) => [unique('project_progress_period_uq').on(t.projectId, t.period), index('project_progress_zone_idx').on(t.zoneId)],
);

/** A site photo of a month's progress, stored under a generated name; EXIF capture time and GPS when present. */
export const projectPhoto = pgTable(
  'project_photo',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    progressId: uuid('progress_id').notNull().references(() => projectProgress.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    takenAt: ts('taken_at'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
  },
  (t) => [index('project_photo_progress_idx').on(t.progressId)],
);

/** 问题清单: a problem needing coordination, owned by a unit with a deadline. */
export const projectProblem = pgTable(
  'project_problem',
  {
    ...baseColumns(),
    zoneId: uuid('zone_id').notNull().references(() => zone.id),
    projectId: uuid('project_id').notNull().references(() => project.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull().references(() => unit.id),
    deadline: date('deadline', { mode: 'string' }),
    /** open | resolved | closed. */
    state: text('state').notNull().default('open'),
    resolution: text('resolution'),
    version: versionColumn(),
  },
  (t) => [index('project_problem_project_idx').on(t.projectId), index('project_problem_owner_idx').on(t.ownerUnitId)],
);
