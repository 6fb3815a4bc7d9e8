import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { indicatorValue } from '../../modules/indicators/indicators.table.js';
import { plan, planItem } from '../../modules/plans/plans.table.js';
import { project } from '../../modules/projects/projects.table.js';
import type { OwedLine } from '../../modules/reporting/cycle-scope.js';
import { reportLine, unitReport } from '../../modules/reporting/reporting.table.js';
import { DEMO_PROJECTS } from './projects-insert.js';
import { progressOf } from './projects-progress.js';
import type { SeedProject } from './projects-types.js';
import { itemNote, itemProgress } from './reporting-notes.js';
import { JFJ_DRAFT, JFJ_EMPTY_LINES, NO_INVESTMENT, RETURNED_LINES, type SeedCycle, type SeedReportLife, at } from './reporting-story.js';

/** Building a cycle's reports and their lines in memory, filled with the figures the seed data gives. */

export type ReportRow = typeof unitReport.$inferInsert & { id: string };
export type LineRow = typeof reportLine.$inferInsert & { id: string };

/** A seeded cycle: its reports by unit code and how many lines they hold. */
export interface SeededCycle {
  period: string;
  dueDate: string;
  reports: Map<string, ReportRow>;
  lines: number;
}

type ValueFigures = Pick<typeof indicatorValue.$inferSelect, 'value' | 'currentAmount' | 'lastYearAmount' | 'note'>;

/** What the lines are filled from: accepted indicator values, the projects' seed data, the annual plan's items. */
export interface Figures {
  /** `indicatorId period` → the accepted value. */
  values: Map<string, ValueFigures>;
  /** project id → its seed data. */
  projects: Map<string, SeedProject>;
  /** annual plan item id → code, title and progress method. */
  items: Map<string, { code: string; title: string; method: string }>;
}

/** Loads what the lines are filled from, in three queries. */
export async function loadFigures(tx: DbOrTx, zoneId: string): Promise<Figures> {
  const values = await tx
    .select({ indicatorId: indicatorValue.indicatorId, period: indicatorValue.period, value: indicatorValue.value, currentAmount: indicatorValue.currentAmount, lastYearAmount: indicatorValue.lastYearAmount, note: indicatorValue.note })
    .from(indicatorValue)
    .where(and(eq(indicatorValue.zoneId, zoneId), eq(indicatorValue.reviewState, 'accepted')));
  const codes = await tx.select({ id: project.id, code: project.code }).from(project).where(eq(project.zoneId, zoneId));
  const seed = new Map(DEMO_PROJECTS.map((p) => [p.code, p]));
  const items = await tx
    .select({ id: planItem.id, code: planItem.code, title: planItem.title, method: planItem.progressMethod })
    .from(planItem)
    .innerJoin(plan, eq(plan.id, planItem.planId))
    .where(and(eq(planItem.zoneId, zoneId), eq(plan.kind, 'annual')));
  return {
    values: new Map(values.map(({ indicatorId, period, ...v }) => [`${indicatorId} ${period}`, v])),
    projects: new Map(codes.filter((c) => seed.has(c.code)).map((c) => [c.id, seed.get(c.code)!])),
    items: new Map(items.map(({ id, ...i }) => [id, i])),
  };
}

/** How many decisions a report has been through: its version (a first save does not count). */
const stepsOf = (life: SeedReportLife) => [life.submitted, life.approved, life.accepted, life.returned].filter(Boolean).length;

/** The report row of a unit's life in a cycle; its moments are the business dates of its steps. */
export function reportRow(zoneId: string, cycleId: string, cycle: SeedCycle, unitId: string, life: SeedReportLife, officeId: string, returnComment: string | null): ReportRow {
  const opened = at(cycle.openDate, '08:30');
  const moments = [life.saved && at(life.saved, '17:20'), life.submitted && at(life.submitted, '16:30'), life.approved && at(life.approved, '10:00'), life.accepted && at(life.accepted, '15:00'), life.returned && at(life.returned, '11:00')];
  const last = moments.filter((m): m is Date => Boolean(m)).sort((a, b) => a.getTime() - b.getTime()).at(-1) ?? opened;
  return {
    id: randomUUID(), zoneId, cycleId, unitId, state: life.state, createdBy: officeId, createdAt: opened, updatedAt: last,
    submittedAt: life.submitted ? at(life.submitted, '16:30') : null, submittedOn: life.submitted ?? null,
    approvedAt: life.approved ? at(life.approved, '10:00') : null, acceptedAt: life.accepted ? at(life.accepted, '15:00') : null,
    returnedAt: life.returned ? at(life.returned, '11:00') : null, returnComment, version: stepsOf(life),
  };
}

type LineFigures = Pick<LineRow, 'value' | 'currentAmount' | 'lastYearAmount' | 'completedInvestment' | 'imageProgress' | 'progress' | 'note'>;

/** A project's figures of a month: its seed progress, or no investment where the story says so. */
function projectFigures(p: SeedProject, period: string): LineFigures {
  const month = progressOf(p).find((m) => m.period === period);
  if (month) return { completedInvestment: month.completed, imageProgress: month.text, note: month.note };
  const none = NO_INVESTMENT[p.code]?.[period];
  if (!none) throw new Error(`demo reporting data: ${p.code} owes ${period} progress but the seed data has none`);
  return { completedInvestment: 0, imageProgress: none.text, note: none.note };
}

/**
 * A line's figures as the unit entered them: the accepted value of the month, the project's progress, or the
 * unit's note on the item.
 * @throws Error when the seed data lacks a figure an entered line needs
 */
function lineFigures(f: Figures, l: OwedLine, period: string): LineFigures {
  if (l.kind === 'indicator') {
    const v = f.values.get(`${l.indicatorId} ${period}`);
    if (!v) throw new Error(`demo reporting data: an indicator owes a ${period} value the plan seed does not have`);
    return { value: v.value, currentAmount: v.currentAmount, lastYearAmount: v.lastYearAmount, note: v.note };
  }
  if (l.kind === 'project') {
    const p = f.projects.get(l.projectId!);
    if (!p) throw new Error(`demo reporting data: a ${period} project line has no seed project`);
    return projectFigures(p, period);
  }
  const item = f.items.get(l.itemId!)!;
  return { note: itemNote(item.code, item.title, item.method, period), progress: item.method === 'manual' ? itemProgress(item.code, period) : null };
}

const EMPTY_CODES = new Set<string>(JFJ_EMPTY_LINES.map((l) => l.code));

/** Whether the story leaves this line empty: a report not started, or one of JFJ's three February lines. */
function leftEmpty(f: Figures, l: OwedLine, unitCode: string, period: string, life: SeedReportLife): boolean {
  if (life.state === 'not_started') return true;
  const isDraft = unitCode === JFJ_DRAFT.unit && period === JFJ_DRAFT.period;
  return isDraft && l.kind === 'project' && EMPTY_CODES.has(f.projects.get(l.projectId!)?.code ?? '');
}

/**
 * The lines of one report in the order the app opens them (cycle-scope owedLines), filled as the story has
 * it; the office's return reason on the line it names. Flags are computed after insertion (reporting-seed.ts).
 */
export function lineRows(f: Figures, report: ReportRow, unitCode: string, owed: OwedLine[], period: string, life: SeedReportLife): LineRow[] {
  const returned = RETURNED_LINES[unitCode];
  const saved = report.submittedAt ?? report.updatedAt!;
  return owed.map((l, position) => {
    const empty = leftEmpty(f, l, unitCode, period, life);
    const item = l.itemId ? f.items.get(l.itemId) : undefined;
    const reason = returned && returned.period === period && l.kind === 'item' && item?.code === returned.itemCode ? returned.reason : null;
    return {
      id: randomUUID(), zoneId: report.zoneId, reportId: report.id, kind: l.kind, itemId: l.itemId, indicatorId: l.indicatorId, projectId: l.projectId,
      position, createdBy: report.createdBy, createdAt: report.createdAt, updatedAt: empty ? report.createdAt : saved,
      ...(empty ? {} : lineFigures(f, l, period)), returnReason: reason, version: empty ? 0 : 1,
    };
  });
}

/** Inserts a cycle's reports, then their lines in batches of 500. */
export async function insertReports(tx: DbOrTx, reports: ReportRow[], lines: LineRow[]): Promise<void> {
  if (reports.length) await tx.insert(unitReport).values(reports);
  for (let i = 0; i < lines.length; i += 500) await tx.insert(reportLine).values(lines.slice(i, i + 500));
}

/** The condition selecting the lines of the given reports (to read them back with the reporting module). */
export const linesOf = (reportIds: string[]) => inArray(reportLine.reportId, reportIds);
