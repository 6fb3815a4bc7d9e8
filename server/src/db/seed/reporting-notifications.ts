import type { NotificationKind } from '@lantu/core';
import type { DbOrTx } from '../client.js';
import { notification, notificationChannel } from '../../modules/notifications/notifications.table.js';
import { DEMO_UNITS, type DemoUnit } from './demo-units.js';
import type { ReportRow, SeededCycle } from './reporting-lines.js';
import { JFJ_DRAFT, STORY_AS_OF, at } from './reporting-story.js';

/*
 * The bell of the demo users as the app would have filled it by 2021-03-15, with the app's own dedupe keys
 * (reporting.notify.ts, reporting.jobs.ts), so the scheduler never sends one of these a second time:
 * - reporter and unit_head (经济发展局): January accepted (read); for February the due-soon reminders of
 *   03-07 and 03-09, the overdue one of 03-11 and the office's reminder of 03-12, the last ones unread;
 *   the unit head also heard of January's submission.
 * - office: every report its unit head approved; all read but 科技创新局's February report, still to review.
 * Units other than 经济发展局 have no demo staff, so their reminders and returns reach nobody.
 */

type Row = typeof notification.$inferInsert;
type Staff = 'reporter' | 'unit_head';
const STAFF: Staff[] = ['reporter', 'unit_head'];

function unitNames(node: DemoUnit, out = new Map<string, string>()): Map<string, string> {
  out.set(node.code, node.name);
  for (const child of node.children ?? []) unitNames(child, out);
  return out;
}
const NAMES = unitNames(DEMO_UNITS);

interface Sent {
  kind: NotificationKind;
  key: string;
  at: Date;
  extra?: Record<string, string | number>;
  /** username → when read (null: unread). */
  readers: Record<string, Date | null>;
}

function rows(zoneId: string, userIds: ReadonlyMap<string, string>, period: string, code: string, report: ReportRow, list: Sent[]): Row[] {
  const params = { period, unitName: NAMES.get(code)! };
  return list.flatMap((s) =>
    Object.entries(s.readers).map(([username, readAt]) => ({
      zoneId, userId: userIds.get(username)!, kind: s.kind, params: { ...params, ...s.extra }, link: `/reports/${report.id}`, dedupeKey: s.key,
      readAt, createdAt: s.at, updatedAt: readAt ?? s.at,
    })),
  );
}

const both = (readAt: (u: Staff) => Date | null): Record<string, Date | null> => Object.fromEntries(STAFF.map((u) => [u, readAt(u)]));

/** What 经济发展局's staff heard of a report: its submission and acceptance, or the reminders of a late draft. */
function staffNotices(cycle: SeededCycle, report: ReportRow): Sent[] {
  const id = report.id;
  if (report.state === 'accepted') {
    const next = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);
    return [
      { kind: 'submitted', key: `submitted:${id}:1`, at: report.submittedAt!, readers: { unit_head: next(report.submittedAt!, 17) } },
      { kind: 'accepted', key: `accepted:${id}:3`, at: report.acceptedAt!, readers: both(() => next(report.acceptedAt!, 18)) },
    ];
  }
  // The scheduler's stages around the due date (reminderFor), and the office's one-click reminder.
  const day = (offset: number) => new Date(Date.parse(cycle.dueDate) + offset * 86_400_000).toISOString().slice(0, 10);
  const due = { dueDate: cycle.dueDate };
  return [
    { kind: 'due_soon', key: `due_soon:3:${id}`, at: at(day(-3), '08:00'), extra: { days: 3, ...due }, readers: both(() => at(day(-2), '09:12')) },
    { kind: 'due_soon', key: `due_soon:1:${id}`, at: at(day(-1), '08:00'), extra: { days: 1, ...due }, readers: both((u) => (u === 'reporter' ? at(day(-1), '10:05') : null)) },
    { kind: 'overdue', key: `overdue:${id}:w0`, at: at(day(1), '08:00'), extra: { days: 1, ...due }, readers: both(() => null) },
    { kind: 'remind', key: `remind:${id}:${day(2)}`, at: at(day(2), '09:30'), extra: due, readers: both(() => null) },
  ];
}

/** The office's notice of each report approved by its unit head, read when it acted on the report. */
function officeNotice(report: ReportRow): Sent[] {
  if (!report.approvedAt) return [];
  const actedAt = report.acceptedAt ?? report.returnedAt ?? null;
  return [{ kind: 'approved', key: `approved:${report.id}:2`, at: report.approvedAt, readers: { office: actedAt } }];
}

/**
 * Inserts the demo users' notifications for the seeded cycles and the zone's one outbound channel: a
 * 企业微信 group robot, disabled (its URL is a placeholder), so nothing is queued or sent.
 * @returns the number of notifications and channels
 */
export async function seedDemoNotifications(tx: DbOrTx, zoneId: string, userIds: ReadonlyMap<string, string>, cycles: SeededCycle[]): Promise<{ notifications: number; channels: number }> {
  const out: Row[] = [];
  for (const cycle of cycles) {
    for (const [code, report] of cycle.reports) {
      const staff = code === JFJ_DRAFT.unit ? staffNotices(cycle, report) : [];
      out.push(...rows(zoneId, userIds, cycle.period, code, report, [...staff, ...officeNotice(report)]));
    }
  }
  if (out.some((r) => !r.userId || r.createdAt! > at(STORY_AS_OF, '23:59'))) throw new Error('demo reporting data: a notification without its user or after the business date');
  if (out.length) await tx.insert(notification).values(out);
  await tx.insert(notificationChannel).values({
    zoneId, kind: 'wecom', name: '目标办工作群', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo',
    events: ['due_soon', 'overdue', 'remind', 'returned', 'accepted'], enabled: false, createdBy: userIds.get('office') ?? null,
    createdAt: at('2021-01-04', '10:00'), updatedAt: at('2021-01-04', '10:00'),
  });
  return { notifications: out.length, channels: 1 };
}
