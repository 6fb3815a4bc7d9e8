import { z } from 'zod';
import {
  PROBLEM_STATES,
  PROJECT_BATCHES,
  PROJECT_CATEGORIES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
} from '../rules/projects.js';
import { name, pageQuery, version } from './common.js';
import { period, REVIEW_STATES } from './indicators.js';

const isoDate = z.iso.date();
/** Money in 万元: a whole number, never negative, at most 1万亿元. */
export const wanYuan = z.int().min(0).max(100_000_000);
export const projectCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/);

export const milestone = z.object({
  stage: z.enum(PROJECT_STAGES),
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  /** actual − planned when reached; days overdue so far when pending and late; null otherwise. */
  delayDays: z.int().nullable(),
});

export const project = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  enterprise: z.string().nullable(),
  description: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  leaderId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  year: z.int(),
  totalInvestment: z.int(),
  annualInvestment: z.int(),
  /** Completed investment, all months, accepted progress (万元). */
  cumulativeInvestment: z.int(),
  /** Completed in the project's year up to the judged month (万元). */
  yearToDate: z.int(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  batches: z.array(z.enum(PROJECT_BATCHES)),
  stage: z.enum(PROJECT_STAGES),
  isPublic: z.boolean(),
  version: z.int(),
  status: z.enum(PROJECT_STATUSES),
  overdueDays: z.int(),
  overdueStage: z.enum(PROJECT_STAGES).nullable(),
  investmentRatio: z.number().nullable(),
  reasons: z.array(z.enum(['milestone_overdue', 'investment_behind'])),
  openProblems: z.int(),
  milestones: z.array(milestone),
});

const projectFields = {
  code: projectCode,
  name: name(200),
  category: z.enum(PROJECT_CATEGORIES),
  enterprise: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  leadUnitId: z.uuid().nullable().optional(),
  leaderId: z.uuid().nullable().optional(),
  year: z.int().min(2000).max(2100),
  totalInvestment: wanYuan,
  annualInvestment: wanYuan,
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  batches: z.array(z.enum(PROJECT_BATCHES)).max(3).optional(),
  isPublic: z.boolean().optional(),
  /** Planned dates of the milestones, by stage (the rest stay unplanned). */
  plannedDates: z.partialRecord(z.enum(PROJECT_STAGES), isoDate.nullable()).optional(),
};
export const createProjectBody = z.strictObject(projectFields);
export const updateProjectBody = z.strictObject({ version, ...z.object(projectFields).partial().shape });

export const PROJECT_SORTS = ['code', 'name', 'totalInvestment', 'overdueDays', 'status', 'stage'] as const;
export const projectListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  batch: z.enum(PROJECT_BATCHES).optional(),
  unitId: z.uuid().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only projects with a pending milestone past its planned date. */
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(PROJECT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

/** Stage changes are explicit acts: advance to the next stage on a date, or (office) step back with a reason. */
export const advanceStageBody = z.strictObject({ stage: z.enum(PROJECT_STAGES), date: isoDate, note: z.string().trim().max(1000).nullable().optional(), version });
export const revertStageBody = z.strictObject({ reason: z.string().trim().min(1).max(1000), version });

export const photoMeta = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.int(),
  mimeType: z.string(),
  /** From EXIF when present. */
  takenAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

export const projectProgress = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  period: z.string(),
  completedInvestment: z.int(),
  /** Sum of this and every earlier month (derived). */
  cumulativeInvestment: z.int(),
  /** 形象进度. */
  imageProgress: z.string().nullable(),
  note: z.string().nullable(),
  reviewState: z.enum(REVIEW_STATES),
  version: z.int(),
  updatedAt: z.string(),
  photos: z.array(photoMeta),
});

/** Record or correct a month's progress; omit `version` for the month's first entry. */
export const putProgressBody = z.strictObject({
  completedInvestment: wanYuan,
  imageProgress: z.string().trim().max(2000).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  version: version.optional(),
});
export const progressParams = z.strictObject({ id: z.uuid(), period });

export const problem = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  description: z.string(),
  ownerUnitId: z.uuid(),
  ownerUnitName: z.string(),
  deadline: z.string().nullable(),
  state: z.enum(PROBLEM_STATES),
  resolution: z.string().nullable(),
  overdue: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
});
export const createProblemBody = z.strictObject({
  description: z.string().trim().min(1).max(2000),
  ownerUnitId: z.uuid(),
  deadline: isoDate.nullable().optional(),
});
export const updateProblemBody = z.strictObject({
  description: z.string().trim().min(1).max(2000).optional(),
  ownerUnitId: z.uuid().optional(),
  deadline: isoDate.nullable().optional(),
  version,
});
/** resolve (owner unit or office, with what was done), close (office), reopen (office). */
export const problemActionBody = z.strictObject({ text: z.string().trim().max(2000).nullable().optional(), version });
export const problemListQuery = pageQuery.extend({
  ownerUnitId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  state: z.enum(PROBLEM_STATES).optional(),
});

export type Project = z.infer<typeof project>;
export type Milestone = z.infer<typeof milestone>;
export type CreateProjectBody = z.infer<typeof createProjectBody>;
export type UpdateProjectBody = z.infer<typeof updateProjectBody>;
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export type AdvanceStageBody = z.infer<typeof advanceStageBody>;
export type RevertStageBody = z.infer<typeof revertStageBody>;
export type ProjectProgress = z.infer<typeof projectProgress>;
export type PutProgressBody = z.infer<typeof putProgressBody>;
export type PhotoMeta = z.infer<typeof photoMeta>;
export type Problem = z.infer<typeof problem>;
export type CreateProblemBody = z.infer<typeof createProblemBody>;
export type UpdateProblemBody = z.infer<typeof updateProblemBody>;
export type ProblemActionBody = z.infer<typeof problemActionBody>;
export type ProblemListQuery = z.infer<typeof problemListQuery>;

/** A project as the map places it. */
export const projectMapPoint = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  stage: z.enum(PROJECT_STAGES),
  status: z.enum(PROJECT_STATUSES),
  totalInvestment: z.int(),
  lat: z.number(),
  lng: z.number(),
  address: z.string().nullable(),
});
/** The map page: points of every located project matching the list filters, and the optional base-map tile URL. */
export const projectMap = z.object({ tileUrl: z.string().nullable(), items: z.array(projectMapPoint), total: z.int(), unlocated: z.int() });
export type ProjectMapPoint = z.infer<typeof projectMapPoint>;
export type ProjectMap = z.infer<typeof projectMap>;
