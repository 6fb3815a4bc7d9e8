import { z } from 'zod';
import { DIRECTIONS, FREQUENCIES, INDICATOR_KINDS, LIMIT_MODES, STATUSES } from '../rules/indicator-types.js';
import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_MEASURES, PROJECT_STAGES } from '../rules/projects.js';
import { name, pageQuery, version } from './common.js';
import { decimalString, thresholdOverrides } from './plans.js';

export const INDICATOR_SOURCES = ['reported', 'formula', 'projects', 'enterprises'] as const;
export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const indicatorCode = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/);

/** Which projects a project-driven indicator counts or sums (stored on the indicator, source `projects`). */
export const projectFilter = z.strictObject({
  measure: z.enum(PROJECT_MEASURES),
  categories: z.array(z.enum(PROJECT_CATEGORIES)).max(6).optional(),
  batches: z.array(z.enum(PROJECT_BATCHES)).max(3).optional(),
  stageReached: z.enum(PROJECT_STAGES).optional(),
  year: z.int().min(2000).max(2100).optional(),
});

export const evaluation = z.object({
  month: z.int(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  ratio: z.number().nullable(),
  gap: z.number().nullable(),
  status: z.enum(STATUSES),
  forecast: z.string().nullable(),
  atRisk: z.boolean(),
});

export const indicator = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  planId: z.uuid(),
  itemCode: z.string(),
  itemTitle: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  unitOfMeasure: z.string(),
  year: z.int(),
  baseline: z.string().nullable(),
  target: z.string(),
  limitMode: z.enum(LIMIT_MODES).nullable(),
  bandLow: z.string().nullable(),
  bandHigh: z.string().nullable(),
  curve: z.array(z.number()).nullable(),
  frequency: z.enum(FREQUENCIES),
  thresholds: thresholdOverrides,
  source: z.string(),
  formula: z.string().nullable(),
  projectFilter: projectFilter.nullable(),
  reportingUnitId: z.uuid().nullable(),
  reportingUnitName: z.string().nullable(),
  weight: z.string(),
  position: z.int(),
  isPublic: z.boolean(),
  sourceText: z.string().nullable(),
  version: z.int(),
  evaluation,
});

const curve = z.array(z.number().min(0).max(10)).length(12).refine((c) => c.every((v, i) => i === 0 || v >= c[i - 1]!), 'must not decrease');
const indicatorFields = {
  code: indicatorCode,
  name: name(200),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS).optional(),
  unitOfMeasure: name(20),
  year: z.int().min(2000).max(2100),
  baseline: decimalString.nullable().optional(),
  target: decimalString,
  limitMode: z.enum(LIMIT_MODES).nullable().optional(),
  bandLow: decimalString.nullable().optional(),
  bandHigh: decimalString.nullable().optional(),
  curve: curve.nullable().optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  thresholds: thresholdOverrides.optional(),
  source: z.string().trim().regex(/^[a-z_]{1,30}$/).optional(),
  formula: z.string().trim().max(500).nullable().optional(),
  projectFilter: projectFilter.nullable().optional(),
  reportingUnitId: z.uuid().nullable().optional(),
  weight: decimalString.optional(),
  isPublic: z.boolean().optional(),
  sourceText: z.string().trim().max(1000).nullable().optional(),
};
export const createIndicatorBody = z.strictObject(indicatorFields);
export const updateIndicatorBody = z.strictObject({ version, ...z.object(indicatorFields).partial().shape });

/** An evidence file of a value, as listed and as answered after an upload. */
export const evidenceMeta = z.object({ id: z.uuid(), name: z.string(), size: z.int(), mimeType: z.string() });

export const indicatorValue = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  period: z.string(),
  value: z.string(),
  currentAmount: z.string().nullable(),
  lastYearAmount: z.string().nullable(),
  note: z.string().nullable(),
  reviewState: z.enum(REVIEW_STATES),
  version: z.int(),
  updatedAt: z.string(),
  evidence: z.array(evidenceMeta),
});

/** Record or correct a month's value. growth may instead give both cumulative amounts. */
export const putValueBody = z.strictObject({
  value: decimalString.nullable().optional(),
  currentAmount: decimalString.nullable().optional(),
  lastYearAmount: decimalString.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  /** The version read; omit when creating the month's first value. */
  version: version.optional(),
});
export const valueParams = z.strictObject({ id: z.uuid(), period });

/** The indicator list: the zone's indicators, of one plan or one item. */
export const indicatorListQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(5000).default(1000),
  planId: z.uuid().optional(),
  itemId: z.uuid().optional(),
});

/** The indicator page's chart: per month, the time-phased target, cumulative actual and forecast path. */
export const indicatorSeries = z.object({
  months: z.array(
    z.object({ period: z.string(), expected: z.string().nullable(), actual: z.string().nullable(), value: z.string().nullable(), forecast: z.string().nullable() }),
  ),
});

export type Indicator = z.infer<typeof indicator>;
export type IndicatorValue = z.infer<typeof indicatorValue>;
export type CreateIndicatorBody = z.infer<typeof createIndicatorBody>;
export type UpdateIndicatorBody = z.infer<typeof updateIndicatorBody>;
export type PutValueBody = z.infer<typeof putValueBody>;
export type EvaluationView = z.infer<typeof evaluation>;
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;
export type ProjectFilterBody = z.infer<typeof projectFilter>;
export type IndicatorSeries = z.infer<typeof indicatorSeries>;
