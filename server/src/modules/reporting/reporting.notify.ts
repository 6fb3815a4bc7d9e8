import type { NotificationKind, Role } from '@lantu/core';
import type { DbOrTx } from '../../db/client.js';
import { notify, usersOfUnit, usersWithRole } from '../notifications/notify.service.js';

/** Who hears about a report's life, through the notifications module (in the caller's transaction). */

export interface ReportRef {
  zoneId: string;
  reportId: string;
  unitId: string;
  unitName: string;
  period: string;
}

const linkOf = (reportId: string) => `/reports/${reportId}`;

/**
 * Notifies the staff of the report's unit holding one of `roles`. The same dedupe key never notifies
 * a user twice, however many runners or clicks repeat it.
 * @returns the number of new in-app notifications
 */
export async function notifyUnit(db: DbOrTx, ref: ReportRef, roles: Role[], kind: NotificationKind, dedupeKey: string, extra: Record<string, string | number> = {}): Promise<number> {
  const userIds = await usersOfUnit(db, ref.zoneId, ref.unitId, roles);
  if (userIds.length === 0) return 0;
  return notify(db, { zoneId: ref.zoneId, userIds, kind, params: { period: ref.period, unitName: ref.unitName, ...extra }, link: linkOf(ref.reportId), dedupeKey });
}

/**
 * Notifies the zone's office users about a report.
 * @returns the number of new in-app notifications
 */
export async function notifyOffice(db: DbOrTx, ref: ReportRef, kind: NotificationKind, dedupeKey: string): Promise<number> {
  const userIds = await usersWithRole(db, ref.zoneId, ['office']);
  if (userIds.length === 0) return 0;
  return notify(db, { zoneId: ref.zoneId, userIds, kind, params: { period: ref.period, unitName: ref.unitName }, link: linkOf(ref.reportId), dedupeKey });
}

/** Reporters and the unit head: the people who fill in and answer for a report. */
export const REPORT_STAFF: Role[] = ['reporter', 'unit_head'];
