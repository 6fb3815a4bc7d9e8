import { type SQL, sql } from 'drizzle-orm';
import type { LineFlag } from '@lantu/core';
import type { DbOrTx } from '../client.js';
import { projectProgress } from '../../modules/projects/projects.table.js';
import { owedLines } from '../../modules/reporting/cycle-scope.js';
import { lineFacts, lineInfos } from '../../modules/reporting/report-lines.read.js';
import { flagsOf, fieldsOf } from '../../modules/reporting/report-lines.rules.js';
import { DEFAULT_JUMP_BAND } from '../../modules/reporting/reporting.policy.js';
import { itemProgressNote, reportCycle, reportLine } from '../../modules/reporting/reporting.table.js';
import { type Figures, type LineRow, type ReportRow, type SeededCycle, insertReports, lineRows, linesOf, loadFigures, reportRow } from './reporting-lines.js';
import { flagNote } from './reporting-notes.js';
import { seedDemoNotifications } from './reporting-notifications.js';
import { DEMO_CYCLES, NO_INVESTMENT, REPORT_LIVES, RETURNED_LINES, type SeedCycle, at } from './reporting-story.js';

/** Loads the demo zone's reporting cycles, unit reports and notifications (reporting-story.ts tells the story). */

export interface DemoReportingCounts {
  reportCycles: number;
  unitReports: number;
  reportLines: number;
  notifications: number;
  notificationChannels: number;
}

interface Ctx {
  zoneId: string;
  /** DEMO_UNITS code → unit id. */
  unitIds: ReadonlyMap<string, string>;
  officeId: string;
  figures: Figures;
}

/** A VALUES list, each value cast to its column's SQL type (`types`): many rows updated in one statement. */
function valuesList(rows: unknown[][], types: string[]): SQL {
  return sql.join(rows.map((r) => sql`(${sql.join(r.map((v, i) => sql`${v}::${sql.raw(types[i]!)}`), sql`, `)})`), sql`, `);
}

/**
 * Computes each line's flags with the reporting module's own checks against what was accepted before the
 * period, and gives every flagged line of an entered report the reporter's explanation (submit needs one).
 */
async function flagLines(tx: DbOrTx, ctx: Ctx, period: string, reportIds: string[]): Promise<void> {
  const infos = await lineInfos(tx, linesOf(reportIds));
  const facts = await lineFacts(tx, period, infos);
  const changed: unknown[][] = [];
  for (const i of infos) {
    const l = i.line;
    const flags: LineFlag[] = flagsOf(i, fieldsOf(l), facts.get(l.id), DEFAULT_JUMP_BAND);
    if (flags.length === 0) continue;
    const f = facts.get(l.id);
    const p = ctx.figures.projects.get(l.projectId ?? '');
    const rising = f?.previous != null && Number(l.completedInvestment ?? l.value) > Number(f.previous);
    const note = l.note ?? flagNote(flags, period, rising, period === '2021-01' && Boolean(p?.before));
    changed.push([l.id, JSON.stringify(flags), note]);
  }
  if (changed.length === 0) return;
  await tx.execute(sql`update report_line l set flags = v.flags, note = v.note from (values ${valuesList(changed, ['uuid', 'jsonb', 'text'])}) as v(id, flags, note) where l.id = v.id`);
}

/**
 * What the office's acceptance wrote for the accepted reports of a cycle: the accepted values and progress
 * point to their report (progress takes the line's note), a month a project reported no investment becomes
 * a progress row of 0, and every item note becomes the item's accepted note of the month.
 */
async function applyAccepted(tx: DbOrTx, ctx: Ctx, period: string, reports: ReportRow[]): Promise<void> {
  const accepted = new Map(reports.filter((r) => r.state === 'accepted').map((r) => [r.id, r.acceptedAt!]));
  if (accepted.size === 0) return;
  const lines = await tx.select().from(reportLine).where(linesOf([...accepted.keys()]));
  const values = lines.filter((l) => l.kind === 'indicator').map((l) => [l.indicatorId, period, l.reportId]);
  if (values.length) {
    await tx.execute(sql`update indicator_value x set report_id = v.report_id from (values ${valuesList(values, ['uuid', 'text', 'uuid'])}) as v(indicator_id, period, report_id) where x.indicator_id = v.indicator_id and x.period = v.period`);
  }
  const progress = lines.filter((l) => l.kind === 'project');
  if (progress.length) {
    const rows = progress.map((l) => [l.projectId, period, l.reportId, l.note]);
    await tx.execute(sql`update project_progress x set report_id = v.report_id, note = v.note from (values ${valuesList(rows, ['uuid', 'text', 'uuid', 'text'])}) as v(project_id, period, report_id, note) where x.project_id = v.project_id and x.period = v.period`);
  }
  const none = progress.filter((l) => NO_INVESTMENT[ctx.figures.projects.get(l.projectId!)?.code ?? '']?.[period]);
  if (none.length) {
    await tx.insert(projectProgress).values(none.map((l) => ({
      zoneId: ctx.zoneId, projectId: l.projectId!, period, completedInvestment: 0, imageProgress: l.imageProgress, note: l.note, reviewState: 'accepted',
      reportId: l.reportId, createdBy: ctx.officeId, createdAt: accepted.get(l.reportId)!, updatedAt: accepted.get(l.reportId)!,
    })));
  }
  const notes = lines.filter((l) => l.kind === 'item').map((l) => {
    const when = accepted.get(l.reportId)!;
    return { zoneId: ctx.zoneId, itemId: l.itemId!, period, note: l.note, progress: l.progress, reportId: l.reportId, createdBy: ctx.officeId, createdAt: when, updatedAt: when };
  });
  if (notes.length) await tx.insert(itemProgressNote).values(notes);
}

/** The cycle row: closed by the scheduler the day after its close date, or moved by the office before 春节. */
async function insertCycle(tx: DbOrTx, ctx: Ctx, c: SeedCycle): Promise<string> {
  const opened = at(c.openDate, '08:30');
  const closedAt = c.closedOn ? at(c.closedOn, '00:05') : null;
  const changed = closedAt ?? (c.extendedOn ? at(c.extendedOn, '10:30') : opened);
  const [row] = await tx
    .insert(reportCycle)
    .values({
      zoneId: ctx.zoneId, period: c.period, openDate: c.openDate, dueDate: c.dueDate, closeDate: c.closeDate, state: closedAt ? 'closed' : 'open', closedAt,
      version: Number(Boolean(c.closedOn)) + Number(Boolean(c.extendedOn)), createdBy: ctx.officeId, createdAt: opened, updatedAt: changed,
    })
    .returning({ id: reportCycle.id });
  return row!.id;
}

/**
 * One cycle with a report for every unit owing something (as the app opens them), each where the story has it.
 * @throws Error when a unit owes a report the story says nothing of, or the story names a unit owing none
 */
async function seedCycle(tx: DbOrTx, ctx: Ctx, c: SeedCycle): Promise<SeededCycle> {
  const cycleId = await insertCycle(tx, ctx, c);
  const owed = await owedLines(tx, ctx.zoneId, c.period);
  const lives = REPORT_LIVES[c.period] ?? {};
  const codeOf = new Map([...ctx.unitIds].map(([code, id]) => [id, code]));
  const reports = new Map<string, ReportRow>();
  const lines: LineRow[] = [];
  for (const [unitId, owedByUnit] of owed) {
    const code = codeOf.get(unitId)!;
    const life = lives[code];
    if (!life) throw new Error(`demo reporting data: ${code} owes a ${c.period} report but the story does not say where it stands`);
    const returned = RETURNED_LINES[code];
    const comment = returned?.period === c.period && life.state === 'returned' ? returned.comment : null;
    const report = reportRow(ctx.zoneId, cycleId, c, unitId, life, ctx.officeId, comment);
    reports.set(code, report);
    lines.push(...lineRows(ctx.figures, report, code, owedByUnit, c.period, life));
  }
  const idle = Object.keys(lives).filter((code) => !reports.has(code));
  if (idle.length) throw new Error(`demo reporting data: ${idle.join(', ')} owe no ${c.period} report`);
  await insertReports(tx, [...reports.values()], lines);
  await flagLines(tx, ctx, c.period, [...reports.values()].map((r) => r.id));
  await applyAccepted(tx, ctx, c.period, [...reports.values()]);
  return { period: c.period, dueDate: c.dueDate, reports, lines: lines.length };
}

/**
 * Loads the demo zone's reporting inside seedDemo's transaction, after its plans and projects: the 2021-01 and
 * 2021-02 cycles with every unit's report and lines as reporting-story.ts tells them, what the accepted reports
 * wrote (report ids on accepted values and progress, item notes), the demo users' notifications and one
 * disabled 企业微信 robot. Statements are batched per table and cycle.
 * @param unitIds DEMO_UNITS code → unit id
 * @param userIds demo username → user id
 * @throws Error when the story and the plan or project data disagree (see seedCycle and lineRows)
 */
export async function seedDemoReporting(tx: DbOrTx, zoneId: string, unitIds: ReadonlyMap<string, string>, userIds: ReadonlyMap<string, string>): Promise<DemoReportingCounts> {
  const officeId = userIds.get('office');
  if (!officeId) throw new Error('demo reporting data: the office account is missing');
  const ctx: Ctx = { zoneId, unitIds, officeId, figures: await loadFigures(tx, zoneId) };
  const cycles: SeededCycle[] = [];
  for (const c of DEMO_CYCLES) cycles.push(await seedCycle(tx, ctx, c));
  const sent = await seedDemoNotifications(tx, zoneId, userIds, cycles);
  return {
    reportCycles: cycles.length,
    unitReports: cycles.reduce((n, c) => n + c.reports.size, 0),
    reportLines: cycles.reduce((n, c) => n + c.lines, 0),
    notifications: sent.notifications,
    notificationChannels: sent.channels,
  };
}
