import type { ProjectImportResult, ProjectListQuery } from '@lantu/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { asOfDate } from '../indicators/evaluation.js';
import { type Locale, pick } from '../exchange/exchange.columns.js';
import { shown } from '../exchange/exchange.cells.js';
import type { Download } from '../exchange/exchange.service.js';
import { type ProjectScope } from './projects.policy.js';
import { createProject, listProjects, updateProject } from './projects.service.js';
import { putProgress } from './progress.service.js';
import { type ProjectImportKind } from './projects-exchange.columns.js';
import { progressContext, progressTemplateRows, projectTemplateRows, projectsContext } from './projects-exchange.context.js';
import { projectReportOf } from './projects-exchange.messages.js';
import { type ProjectRowIssue, type ProjectSheet, readProjectWorkbook } from './projects-exchange.read.js';
import { COLUMN_OF, type ImportPlan, type ProgressOp, type ProjectOp, planProgressImport, planProjectsImport } from './projects-exchange.rows.js';
import { buildProjectList, buildProjectTemplate } from './projects-exchange.workbook.js';

/** Project list export, import templates and imports: read, check every row, then save it all through the project services. */

/** The month before the business date's month: the last one completed, the one reported now. */
export const reportingMonth = (asOf: string): string => {
  const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The zone's projects matching the list filters as one .xlsx (not paged), judged as of the business date;
 * audited as `project.export`.
 */
export async function exportProjects(db: Db, actor: Actor, zoneId: string, query: ProjectListQuery, locale: Locale): Promise<Download> {
  const { page: _page, pageSize: _size, ...filters } = query;
  const { items } = await listProjects(db, zoneId, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  const asOf = await asOfDate(db, zoneId);
  const data = await buildProjectList(items, locale);
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'project.export', objectType: 'project', summary: { filters, rows: items.length, asOf } }));
  return { name: `${pick(['重点项目清单', 'key-projects'], locale)}-${asOf}.xlsx`, data };
}

/** The import template of a kind, prefilled (progress: for `period`, by default the month now reported). */
export async function projectTemplate(db: Db, scope: ProjectScope, zoneId: string, kind: ProjectImportKind, period: string | undefined, locale: Locale): Promise<Download> {
  if (kind === 'projects') {
    const { rows, unitNames } = await projectTemplateRows(db, zoneId);
    const title = pick(['重点项目导入模板', 'Key projects import template'], locale);
    return { name: `${title}.xlsx`, data: await buildProjectTemplate(kind, rows, unitNames, title, locale) };
  }
  const month = period ?? reportingMonth(await asOfDate(db, zoneId));
  const title = `${pick(['重点项目月度进展', 'Key project progress'], locale)} ${month}`;
  return { name: `${title}.xlsx`, data: await buildProjectTemplate(kind, await progressTemplateRows(db, zoneId, scope, month), [], title, locale) };
}

/** A service refused one row while saving: the whole import rolls back and the report names that row. */
class RowFailure extends Error {
  constructor(readonly issues: ProjectRowIssue[]) {
    super('row_failed');
  }
}

const isIntegrityError = (e: unknown) => /^23/.test(String((e as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (e as { code?: unknown }).code ?? ''));

/** Runs one row's save; a refusal becomes a RowFailure naming the row and, for field errors, the column (a bug stays a bug). */
async function onRow(sheet: ProjectSheet, row: number, save: () => Promise<void>): Promise<void> {
  try {
    await save();
  } catch (e) {
    if (!(e instanceof AppError) && !isIntegrityError(e)) throw e;
    const place = { sheet: sheet.key, sheetName: sheet.name, row };
    const cells = sheet.rows.find((r) => r.row === row)?.cells ?? {};
    const fields = e instanceof AppError && e.code === 'validation_failed' ? (e.details as { fields?: { field: string; issue: string; limit?: number | string }[] } | undefined)?.fields : undefined;
    if (fields?.length) {
      throw new RowFailure(fields.map((f) => {
        const field = COLUMN_OF[f.field] ?? f.field;
        return { ...place, column: sheet.columns[field] ?? '', field, issue: f.issue, got: shown(cells[field] ?? null), ...(f.limit !== undefined ? { limit: f.limit } : {}) };
      }));
    }
    const code = e instanceof AppError ? e.code : 'conflict';
    throw new RowFailure([{ ...place, column: '', field: '', issue: code === 'version_conflict' ? code : 'save_failed', got: code }]);
  }
}

async function saveProjects(tx: DbOrTx, actor: Actor, zoneId: string, plan: ImportPlan<ProjectOp>, sheet: ProjectSheet) {
  let [created, updated] = [0, 0];
  for (const op of plan.ops) {
    await onRow(sheet, op.row, async () => {
      if (op.op === 'create') await createProject(tx, actor, zoneId, op.body);
      else await updateProject(tx, actor, zoneId, op.id, op.body);
      if (op.op === 'create') created++;
      else updated++;
    });
  }
  return { created, updated };
}

async function saveProgress(tx: DbOrTx, actor: Actor, scope: ProjectScope, zoneId: string, plan: ImportPlan<ProgressOp>, sheet: ProjectSheet) {
  let [created, updated] = [0, 0];
  for (const op of plan.ops) {
    await onRow(sheet, op.row, async () => {
      await putProgress(tx, actor, scope, zoneId, op.projectId, op.period, op.body);
      if (op.created) created++;
      else updated++;
    });
  }
  return { created, updated };
}

/**
 * Imports a workbook of projects (office only) or of monthly progress (office, or lead-unit staff for
 * their units' projects). Every row is checked first; only a file without a single problem is saved,
 * in one transaction, through the project services (each writing its own audit event), closed by one
 * `project.import` event. The stage is never imported.
 * @throws AppError forbidden, unsupported_media_type (not an .xlsx),
 *   validation_failed with `{ ok: false, errors: [{ sheet, row, column, field, issue, message }], total, truncated }`
 */
export async function importProjectWorkbook(db: Db, actor: Actor, scope: ProjectScope, zoneId: string, kind: ProjectImportKind, file: { data: Buffer; name: string }, locale: Locale): Promise<ProjectImportResult> {
  if (kind === 'projects' ? !scope.office : !scope.office && scope.unitIds.length === 0) throw new AppError('forbidden');
  const { sheet, issues: readIssues } = await readProjectWorkbook(file.data, kind, locale);
  const refuse = (issues: ProjectRowIssue[]) => new AppError('validation_failed', projectReportOf(issues, locale));
  if (!sheet || readIssues.length) throw refuse(readIssues);
  try {
    return await db.transaction(async (tx) => {
      let plan: ImportPlan<ProjectOp> | ImportPlan<ProgressOp>;
      let saved: { created: number; updated: number };
      if (kind === 'projects') {
        const p = planProjectsImport(sheet, await projectsContext(tx, zoneId));
        if (p.issues.length) throw refuse(p.issues);
        [plan, saved] = [p, await saveProjects(tx, actor, zoneId, p, sheet)];
      } else {
        const p = planProgressImport(sheet, await progressContext(tx, zoneId, scope, (await asOfDate(tx, zoneId)).slice(0, 7)));
        if (p.issues.length) throw refuse(p.issues);
        [plan, saved] = [p, await saveProgress(tx, actor, scope, zoneId, p, sheet)];
      }
      const result: ProjectImportResult = { ok: true, ...saved, unchanged: plan.unchanged, skipped: plan.skipped };
      await recordAudit(tx, actor, { action: 'project.import', objectType: 'project', summary: { kind, file: file.name.slice(0, 200), rows: sheet.rows.length, ...result } });
      return result;
    });
  } catch (e) {
    if (e instanceof RowFailure) throw refuse(e.issues);
    throw e;
  }
}
