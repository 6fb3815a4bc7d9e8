import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { itemProgressNote } from '../reporting/reporting.table.js';
import { planItem } from './plans.table.js';

/** The reporting module's only way into plan items: accepted monthly progress notes. */

export interface ItemNoteInput {
  itemId: string;
  period: string;
  note: string | null;
  /** 0–100; applied to the item's manual progress when the item is measured by hand. */
  progress: string | null;
  reportId: string;
}

export interface AppliedNote {
  itemId: string;
  code: string;
  period: string;
  note: string | null;
  progress: string | null;
  /** Set when the item's manual progress changed. */
  manualProgress?: { before: string | null; after: string };
}

/**
 * Records an item's accepted progress note for the month (one per item and month, replaced on
 * re-acceptance). For an item whose progress method is `manual`, a given progress also becomes the
 * item's manual progress (version + 1, so a concurrent edit of the item sees a version conflict).
 * Runs in the caller's transaction without an audit event of its own: the acceptance that calls it
 * records one event for the report, which names this change.
 * @throws AppError not_found (item not in the zone)
 */
export async function applyItemNote(tx: DbOrTx, actor: Actor, zoneId: string, input: ItemNoteInput): Promise<AppliedNote> {
  const [item] = await tx.select().from(planItem).where(and(eq(planItem.id, input.itemId), eq(planItem.zoneId, zoneId))).for('update');
  if (!item) throw new AppError('not_found');
  const fields = { note: input.note, progress: input.progress, reportId: input.reportId };
  await tx
    .insert(itemProgressNote)
    .values({ ...fields, zoneId, itemId: input.itemId, period: input.period, createdBy: actor.userId })
    .onConflictDoUpdate({ target: [itemProgressNote.itemId, itemProgressNote.period], set: { ...fields, updatedAt: new Date() } });
  const out: AppliedNote = { itemId: item.id, code: item.code, period: input.period, note: input.note, progress: input.progress };
  if (item.progressMethod === 'manual' && input.progress !== null) {
    await tx.update(planItem).set({ manualProgress: input.progress, version: item.version + 1, updatedAt: new Date() }).where(eq(planItem.id, item.id));
    out.manualProgress = { before: item.manualProgress, after: input.progress };
  }
  return out;
}

/** The latest accepted progress (0–100) of each item before a period, where one was given. */
export async function previousItemProgress(db: DbOrTx, itemIds: string[], period: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([itemProgressNote.itemId], { itemId: itemProgressNote.itemId, progress: sql<string | null>`${itemProgressNote.progress}::text` })
    .from(itemProgressNote)
    .where(and(inArray(itemProgressNote.itemId, itemIds), lt(itemProgressNote.period, period), sql`${itemProgressNote.progress} is not null`))
    .orderBy(itemProgressNote.itemId, desc(itemProgressNote.period));
  for (const r of rows) if (r.progress !== null) out.set(r.itemId, r.progress);
  return out;
}
