import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { lockPlan } from '../plans/plans.service.js';
import { createItem, updateItem } from '../plans/items.service.js';
import { createIndicator, updateIndicator } from '../indicators/indicators.service.js';
import type { ImportCounts, ImportResult } from '@lantu/core';
import { type ImportKind, type Locale, SHEETS_OF } from './exchange.columns.js';
import { itemsContext, loadPlan, valuesContext } from './exchange.context.js';
import { type ItemsPlan, planItemsImport } from './exchange.items-rows.js';
import { planValuesImport } from './exchange.values-rows.js';
import { saveValueOps } from '../indicators/values-bulk.service.js';
import { readImport } from './exchange.read.js';
import type { RowIssue, SheetData } from './exchange.rows.js';
import { reportOf } from './exchange.messages.js';
import { shown } from './exchange.cells.js';

/** An import: read the file, check every row, then save it all in one transaction (items and indicators through their services, values in bulk). */


/** Request-body fields of the services → the columns that hold them. */
const FIELD_OF: Record<string, Record<string, string>> = {
  items: { parentId: 'code', leadUnitId: 'leadUnit', coUnitIds: 'coUnits' },
  indicators: { reportingUnitId: 'reportingUnit' },
  values: { period: 'period' },
};

/** A service refused one row while saving: the whole import rolls back and the report names that row. */
class RowFailure extends Error {
  constructor(readonly issues: RowIssue[]) {
    super('row_failed');
  }
}

const isIntegrityError = (e: unknown) => /^23/.test(String((e as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (e as { code?: unknown }).code ?? ''));

function failureOf(sheet: SheetData, row: number, e: unknown): RowFailure {
  const place = { sheet: sheet.key, sheetName: sheet.name, row };
  const at = (field: string) => sheet.columns[field] ?? '';
  const cells = sheet.rows.find((r) => r.row === row)?.cells ?? {};
  if (e instanceof AppError) {
    const fields = (e.details as { fields?: { field: string; issue: string; limit?: number | string }[] } | undefined)?.fields;
    if (e.code === 'validation_failed' && fields?.length) {
      return new RowFailure(fields.map((f) => {
        const field = FIELD_OF[sheet.key]?.[f.field] ?? f.field;
        return { ...place, column: at(field), field, issue: f.issue, got: shown(cells[field] ?? null), ...(f.limit !== undefined ? { limit: f.limit, expected: String(f.limit) } : {}) };
      }));
    }
    const reason = (e.details as { reason?: string } | undefined)?.reason;
    return new RowFailure([{ ...place, column: '', field: '', issue: e.code === 'version_conflict' ? e.code : 'save_failed', got: reason ?? e.code }]);
  }
  return new RowFailure([{ ...place, column: '', field: '', issue: 'save_failed', got: 'conflict' }]);
}

/** Runs one row's save; a refusal becomes a RowFailure naming the row (a bug stays a bug). */
async function onRow(sheet: SheetData, row: number, save: () => Promise<void>): Promise<void> {
  try {
    await save();
  } catch (e) {
    if (e instanceof AppError || isIntegrityError(e)) throw failureOf(sheet, row, e);
    throw e;
  }
}

const zero = (): ImportCounts => ({ items: 0, indicators: 0, values: 0 });

async function saveItems(tx: DbOrTx, actor: Actor, zoneId: string, planId: string, plan: ItemsPlan, sheets: Partial<Record<string, SheetData>>, ids: Map<string, string>) {
  const created = zero();
  const updated = zero();
  for (const op of plan.items) {
    await onRow(sheets.items!, op.row, async () => {
      if (op.op === 'update') {
        await updateItem(tx, actor, zoneId, op.id, op.body);
        updated.items++;
        return;
      }
      const made = await createItem(tx, actor, zoneId, planId, { parentId: op.parentCode ? ids.get(op.parentCode)! : null, ...op.body });
      // The tree rules make this impossible; if the plan changed underneath, refuse rather than misfile.
      if (made.code !== op.code) throw new AppError('validation_failed', { fields: [{ field: 'code', issue: 'code_gap', limit: made.code }] });
      ids.set(op.code, made.id);
      created.items++;
    });
  }
  for (const op of plan.indicators) {
    await onRow(sheets.indicators!, op.row, async () => {
      if (op.op === 'update') await updateIndicator(tx, actor, zoneId, op.id, op.body);
      else await createIndicator(tx, actor, zoneId, ids.get(op.itemCode)!, op.body);
      (op.op === 'update' ? updated : created).indicators++;
    });
  }
  return { created, updated };
}

const rowsOf = (sheets: Partial<Record<string, SheetData>>) => Object.fromEntries(Object.entries(sheets).map(([k, s]) => [k, s!.rows.length]));

/** A values import: every month written at once, summarised in one `indicator_value.import` event. */
async function importValues(tx: DbOrTx, actor: Actor, zoneId: string, planId: string, sheet: SheetData, file: { data: Buffer; name: string }, refuse: (issues: RowIssue[]) => AppError): Promise<ImportResult> {
  const plan = planValuesImport(sheet, await valuesContext(tx, planId));
  if (plan.issues.length) throw refuse(plan.issues);
  const saved = await saveValueOps(tx, actor, zoneId, plan.values);
  if (saved.conflicts.length) {
    throw new RowFailure(saved.conflicts.map((row) => ({ sheet: sheet.key, sheetName: sheet.name, row, column: '', field: '', issue: 'version_conflict', got: 'version_conflict' })));
  }
  const counts = { created: { ...zero(), values: saved.created }, updated: { ...zero(), values: saved.changed }, unchanged: saved.unchanged, skipped: plan.skipped };
  await recordAudit(tx, actor, {
    action: 'indicator_value.import',
    objectType: 'plan',
    objectId: planId,
    summary: {
      kind: 'values',
      file: file.name.slice(0, 200),
      sha256: createHash('sha256').update(file.data).digest('hex'),
      rows: sheet.rows.length,
      created: saved.created,
      changed: saved.changed,
      unchanged: saved.unchanged,
      skipped: plan.skipped,
      items: [...new Set(saved.changes.map((c) => c.itemId))],
      indicators: saved.changes,
    },
  });
  return { ok: true, ...counts };
}

/**
 * Imports a workbook into a plan: every row is checked first; only a file without a single
 * problem is saved, in one transaction. Items and indicators go through the plans and indicators
 * services (each writing its own audit event), closed by one `plan.import` event; monthly values
 * are written in bulk and recorded as one `indicator_value.import` event listing every month changed.
 * @throws AppError not_found (plan), unsupported_media_type (not an .xlsx),
 *   validation_failed with `{ ok: false, errors: [{ sheet, row, column, field, issue, message }] }`
 */
export async function importWorkbook(db: Db, actor: Actor, zoneId: string, planId: string, kind: ImportKind, file: { data: Buffer; name: string }, locale: Locale): Promise<ImportResult> {
  await loadPlan(db, zoneId, planId);
  const { sheets, issues: readIssues } = await readImport(file.data, SHEETS_OF[kind], locale);
  const refuse = (issues: RowIssue[]) => new AppError('validation_failed', reportOf(issues, locale));
  try {
    return await db.transaction(async (tx) => {
      // Held to the end: nobody reshapes the tree between the checks and the saves.
      const p = await lockPlan(tx, zoneId, planId);
      if (kind === 'values') {
        if (!sheets.values || readIssues.length) throw refuse(readIssues);
        return importValues(tx, actor, zoneId, planId, sheets.values, file, refuse);
      }
      const ctx = await itemsContext(tx, zoneId, p);
      const plan = planItemsImport(sheets, ctx);
      if (readIssues.length || plan.issues.length) throw refuse([...readIssues, ...plan.issues]);
      const saved = await saveItems(tx, actor, zoneId, planId, plan, sheets, new Map(ctx.items.map((i) => [i.code, i.id])));
      const rest = { unchanged: plan.unchanged, skipped: 0 };
      await recordAudit(tx, actor, { action: 'plan.import', objectType: 'plan', objectId: planId, summary: { kind, file: file.name.slice(0, 200), rows: rowsOf(sheets), ...saved, ...rest } });
      return { ok: true, ...saved, ...rest };
    });
  } catch (e) {
    if (e instanceof RowFailure) throw refuse(e.issues);
    throw e;
  }
}
