import type { Db } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { type ImportKind, type Locale, pick } from './exchange.columns.js';
import { exportData, templateData } from './exchange.context.js';
import { buildExport } from './exchange.export.js';
import { buildTemplate } from './exchange.template.js';

/** Exports and templates: read the plan, build the workbook. (Imports: exchange.import.ts.) */

export interface Download {
  name: string;
  data: Buffer;
}

/** File names keep Chinese titles but lose characters no file system accepts. */
// eslint-disable-next-line no-control-regex
const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);

/**
 * The plan as a workbook with its statuses as of the zone's business date; audited as `plan.export`.
 * @throws AppError not_found when the plan is not in the zone
 */
export async function exportPlan(db: Db, actor: Actor, zoneId: string, planId: string, locale: Locale): Promise<Download> {
  const d = await exportData(db, zoneId, planId);
  const data = await buildExport(d, locale);
  await db.transaction((tx) =>
    recordAudit(tx, actor, { action: 'plan.export', objectType: 'plan', objectId: planId, summary: { items: d.items.length, indicators: d.indicators.length, values: d.values.length, asOf: d.plan.asOf } }),
  );
  return { name: `${safe(d.plan.title)}-${d.plan.asOf}.xlsx`, data };
}

/**
 * The import template of a kind, prefilled from the plan.
 * @throws AppError not_found when the plan is not in the zone
 */
export async function planTemplate(db: Db, zoneId: string, planId: string, kind: ImportKind, locale: Locale): Promise<Download> {
  const d = await templateData(db, zoneId, planId, kind);
  const label = kind === 'items' ? pick(['事项与指标导入模板', 'items-template'], locale) : pick(['月度数据导入模板', 'values-template'], locale);
  return { name: `${safe(d.plan.title)}-${label}.xlsx`, data: await buildTemplate(kind, d, locale) };
}
