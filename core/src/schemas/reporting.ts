import { z } from 'zod';
import { CYCLE_STATES, LINE_FLAGS, LINE_KINDS, REPORT_STATES } from '../rules/reporting.js';
import { pageQuery, version } from './common.js';
import { evidenceMeta, period } from './indicators.js';
import { PROGRESS_METHODS, decimalString } from './plans.js';
import { wanYuan } from './projects.js';

const isoDate = z.iso.date();

export const reportCycle = z.object({
  id: z.uuid(),
  period: z.string(),
  openDate: z.string(),
  dueDate: z.string(),
  closeDate: z.string(),
  state: z.enum(CYCLE_STATES),
  /** Reports by state, every state present (0 when none). */
  counts: z.record(z.enum(REPORT_STATES), z.int()),
  reportCount: z.int(),
  lateCount: z.int(),
  version: z.int(),
});
export const createCycleBody = z.strictObject({
  period,
  /** Defaults: open on the 1st, due on the 25th, close on the 5th of the next month. */
  openDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  closeDate: isoDate.optional(),
});
export const updateCycleBody = z.strictObject({ openDate: isoDate.optional(), dueDate: isoDate.optional(), closeDate: isoDate.optional(), version });
export const cycleActionBody = z.strictObject({ version });
export const cycleListQuery = pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const unitReport = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  period: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  state: z.enum(REPORT_STATES),
  dueDate: z.string(),
  late: z.boolean(),
  daysLate: z.int(),
  /** The cycle is closed and the report was not reopened: nothing can change. */
  locked: z.boolean(),
  submittedAt: z.string().nullable(),
  /** The zone's business date of the submission (what lateness is judged by); a demo zone's stays on its seed date. */
  submittedOn: z.string().nullable(),
  approvedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  reopenReason: z.string().nullable(),
  lineCount: z.int(),
  filledCount: z.int(),
  /** Lines whose checks flagged them and that have no note yet (submit needs 0). */
  unexplainedCount: z.int(),
  returnedLineCount: z.int(),
  version: z.int(),
});

export const reportLine = z.object({
  id: z.uuid(),
  kind: z.enum(LINE_KINDS),
  itemId: z.uuid().nullable(),
  itemCode: z.string().nullable(),
  itemTitle: z.string().nullable(),
  indicatorId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  /** Indicator name, project name, or the item's title. */
  label: z.string(),
  code: z.string().nullable(),
  unitOfMeasure: z.string().nullable(),
  indicatorKind: z.string().nullable(),
  /** Last month's accepted figure, shown beside the value. */
  previous: z.string().nullable(),
  value: z.string().nullable(),
  currentAmount: z.string().nullable(),
  lastYearAmount: z.string().nullable(),
  completedInvestment: z.int().nullable(),
  imageProgress: z.string().nullable(),
  /** item lines: progress 0–100 for items measured by hand. */
  progress: z.string().nullable(),
  /** project lines: the total investment minus all accepted progress before the cycle's period (万元); null for other kinds. */
  remaining: z.int().nullable(),
  /** item lines: how the item's progress is measured (`manual` lines take a progress %); null for other kinds. */
  progressMethod: z.enum(PROGRESS_METHODS).nullable(),
  note: z.string().nullable(),
  flags: z.array(z.enum(LINE_FLAGS)),
  returnReason: z.string().nullable(),
  filled: z.boolean(),
  evidence: z.array(evidenceMeta),
  version: z.int(),
});
export const reportDetail = unitReport.extend({ lines: z.array(reportLine), jumpBand: z.number() });

/** Save one line of a draft. Only the fields of the line's kind are accepted. */
export const putLineBody = z.strictObject({
  value: decimalString.nullable().optional(),
  currentAmount: decimalString.nullable().optional(),
  lastYearAmount: decimalString.nullable().optional(),
  completedInvestment: wanYuan.nullable().optional(),
  imageProgress: z.string().trim().max(2000).nullable().optional(),
  progress: decimalString.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  version,
});
export const lineParams = z.strictObject({ id: z.uuid(), lineId: z.uuid() });
export const reportActionBody = z.strictObject({ version });
export const returnReportBody = z.strictObject({
  version,
  comment: z.string().trim().max(2000).nullable().optional(),
  /** At least one line with its reason. */
  lines: z.array(z.strictObject({ lineId: z.uuid(), reason: z.string().trim().min(1).max(1000) })).min(1).max(2000),
});
export const reopenReportBody = z.strictObject({ version, reason: z.string().trim().min(1).max(1000) });

export const reportListQuery = pageQuery.extend({
  cycleId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  state: z.enum(REPORT_STATES).optional(),
  /** `mine`: reports of the units where the caller is reporter or unit head. */
  scope: z.enum(['mine', 'all']).optional(),
  late: z.enum(['true', 'false']).optional(),
});

export type ReportCycle = z.infer<typeof reportCycle>;
export type CreateCycleBody = z.infer<typeof createCycleBody>;
export type UpdateCycleBody = z.infer<typeof updateCycleBody>;
export type UnitReport = z.infer<typeof unitReport>;
export type ReportLine = z.infer<typeof reportLine>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type PutLineBody = z.infer<typeof putLineBody>;
export type ReturnReportBody = z.infer<typeof returnReportBody>;
export type ReopenReportBody = z.infer<typeof reopenReportBody>;
export type ReportListQuery = z.infer<typeof reportListQuery>;
