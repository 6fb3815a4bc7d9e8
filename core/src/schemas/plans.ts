import { z } from 'zod';
import { STATUSES } from '../rules/indicator-types.js';
import { name, pageQuery, version } from './common.js';

export const PLAN_KINDS = ['strategic', 'annual'] as const;
export const PROGRESS_METHODS = ['manual', 'indicators', 'children'] as const;
const isoDate = z.iso.date();
/** A weight or decimal figure as a string, so no binary float touches it. */
export const decimalString = z.string().trim().regex(/^-?\d{1,12}(\.\d{1,6})?$/);

/** Plan-level overrides of the thresholds and roll-up scores (product.md "The arithmetic"). */
export const thresholdOverrides = z.strictObject({
  green: z.number().min(0).max(2).optional(),
  yellow: z.number().min(0).max(2).optional(),
  growthYellowGap: z.number().min(0).max(100).optional(),
  limitMargin: z.number().min(0).max(1).optional(),
  scoreGreen: z.number().min(0).max(1).optional(),
  scoreYellow: z.number().min(0).max(1).optional(),
  scoreRed: z.number().min(0).max(1).optional(),
});

export const plan = z.object({
  id: z.uuid(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  startYear: z.int(),
  endYear: z.int(),
  levelLabels: z.array(z.string()),
  thresholds: thresholdOverrides,
  status: z.enum(['draft', 'active', 'archived']),
  isPublic: z.boolean(),
  version: z.int(),
  itemCount: z.int(),
  /** The roll-up of the whole plan as of the zone's business date. */
  progress: z.number().nullable(),
  planStatus: z.enum(STATUSES),
  redCount: z.int(),
});

const year = z.int().min(2000).max(2100);
export const createPlanBody = z.strictObject({
  kind: z.enum(PLAN_KINDS),
  title: name(200),
  description: z.string().trim().max(5000).nullable().optional(),
  startYear: year,
  endYear: year,
  levelLabels: z.array(name(20)).min(1).max(6),
  thresholds: thresholdOverrides.optional(),
  isPublic: z.boolean().optional(),
});

export const updatePlanBody = z.strictObject({
  version,
  title: name(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  startYear: year.optional(),
  endYear: year.optional(),
  levelLabels: z.array(name(20)).min(1).max(6).optional(),
  thresholds: thresholdOverrides.optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
  isPublic: z.boolean().optional(),
});

/** One row of the plan tree as the plan page shows it. */
export const planItem = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  parentId: z.uuid().nullable(),
  position: z.int(),
  code: z.string(),
  depth: z.int(),
  levelLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  coUnitIds: z.array(z.uuid()),
  leaderId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  weight: z.string(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  progressMethod: z.enum(PROGRESS_METHODS),
  manualProgress: z.string().nullable(),
  isPublic: z.boolean(),
  alignedItemIds: z.array(z.uuid()),
  indicatorCount: z.int(),
  version: z.int(),
  /** Computed as of the zone's business date. */
  progress: z.number().nullable(),
  status: z.enum(STATUSES),
  redBelow: z.int(),
});

const itemFields = {
  title: name(300),
  description: z.string().trim().max(10000).nullable().optional(),
  leadUnitId: z.uuid().nullable().optional(),
  coUnitIds: z.array(z.uuid()).max(30).optional(),
  leaderId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  weight: decimalString.optional(),
  startDate: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  progressMethod: z.enum(PROGRESS_METHODS).optional(),
  manualProgress: decimalString.nullable().optional(),
  isPublic: z.boolean().optional(),
  alignedItemIds: z.array(z.uuid()).max(50).optional(),
};

export const createItemBody = z.strictObject({ parentId: z.uuid().nullable(), ...itemFields });
export const updateItemBody = z.strictObject({ version, ...z.object(itemFields).partial().shape });
/** Move under a new parent (null = top level) at a position among its siblings; codes are renumbered. */
export const moveItemBody = z.strictObject({ version, parentId: z.uuid().nullable(), position: z.int().min(0).max(10000) });

/** `submitted`: preview the statuses as if the reports in review were accepted. */
const preview = z.enum(['submitted']).optional();

/** One plan: its roll-up, optionally previewing the reports in review. */
export const planQuery = z.object({ preview });

export const itemListQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(5000).default(5000),
  /** A top-level item (聚焦 area): only it and its descendants. */
  focusId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: z.enum(STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  preview,
});

export const planParams = z.strictObject({ planId: z.uuid() });

export type Plan = z.infer<typeof plan>;
export type PlanItem = z.infer<typeof planItem>;
export type CreatePlanBody = z.infer<typeof createPlanBody>;
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;
export type CreateItemBody = z.infer<typeof createItemBody>;
export type UpdateItemBody = z.infer<typeof updateItemBody>;
export type MoveItemBody = z.infer<typeof moveItemBody>;
export type ItemListQuery = z.infer<typeof itemListQuery>;
export type PlanQuery = z.infer<typeof planQuery>;
export type ThresholdOverrides = z.infer<typeof thresholdOverrides>;
