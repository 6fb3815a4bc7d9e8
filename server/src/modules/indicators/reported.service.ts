import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { isComputedSource } from './evaluation.js';
import { findIndicator } from './values.service.js';
import { evidenceFile, indicatorValue } from './indicators.table.js';

/** The reporting module's only way into indicator values: accepted figures from unit reports. */

/** A stored evidence file of a report line; the same stored file becomes the accepted value's evidence. */
export interface ReportedFile {
  originalName: string;
  storedName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface ReportedValueInput {
  indicatorId: string;
  period: string;
  value: string;
  currentAmount: string | null;
  lastYearAmount: string | null;
  note: string | null;
  reportId: string;
  /** Evidence of the line not yet linked to the value. */
  evidence?: ReportedFile[];
}

type ValueRow = typeof indicatorValue.$inferSelect;
const summaryOf = (v: ValueRow | undefined) => (v ? { value: v.value, note: v.note, reviewState: v.reviewState, version: v.version } : null);

export interface AppliedValue {
  indicatorId: string;
  code: string;
  period: string;
  before: ReturnType<typeof summaryOf>;
  after: ReturnType<typeof summaryOf>;
  evidence: number;
}

/**
 * Writes a unit report's figure as the month's accepted value (created, or the stored one replaced
 * with version + 1) and links the line's evidence files to it. Runs in the caller's transaction and
 * writes no audit event of its own: the acceptance that calls it records one event for the report.
 * @throws AppError not_found (indicator not in the zone), validation_failed (value computed_source:
 *   the indicator became formula- or project-driven after the report was opened)
 */
export async function applyReportedValue(tx: DbOrTx, actor: Actor, zoneId: string, input: ReportedValueInput): Promise<AppliedValue> {
  const ind = await findIndicator(tx, zoneId, input.indicatorId);
  if (isComputedSource(ind.source)) throw fieldError([{ field: 'value', issue: 'computed_source' }]);
  const [before] = await tx
    .select()
    .from(indicatorValue)
    .where(and(eq(indicatorValue.indicatorId, input.indicatorId), eq(indicatorValue.period, input.period)))
    .for('update');
  const fields = { value: input.value, currentAmount: input.currentAmount, lastYearAmount: input.lastYearAmount, note: input.note, reviewState: 'accepted', reportId: input.reportId };
  const [after] = before
    ? await tx.update(indicatorValue).set({ ...fields, version: before.version + 1, updatedAt: new Date() }).where(eq(indicatorValue.id, before.id)).returning()
    : await tx.insert(indicatorValue).values({ ...fields, zoneId, indicatorId: input.indicatorId, period: input.period, createdBy: actor.userId }).returning();
  const files = input.evidence ?? [];
  if (files.length) {
    await tx
      .insert(evidenceFile)
      .values(files.map((f) => ({ ...f, zoneId, valueId: after!.id, createdBy: actor.userId })))
      .onConflictDoNothing({ target: evidenceFile.storedName });
  }
  return { indicatorId: ind.id, code: ind.code, period: input.period, before: summaryOf(before), after: summaryOf(after), evidence: files.length };
}

/**
 * The latest accepted value of each indicator before a period (last month's, or the last one
 * reported for quarterly and annual indicators): what a report shows beside the new figure.
 */
export async function previousValues(db: DbOrTx, indicatorIds: string[], period: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (indicatorIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([indicatorValue.indicatorId], { indicatorId: indicatorValue.indicatorId, value: sql<string>`${indicatorValue.value}::text` })
    .from(indicatorValue)
    .where(and(inArray(indicatorValue.indicatorId, indicatorIds), lt(indicatorValue.period, period), eq(indicatorValue.reviewState, 'accepted')))
    .orderBy(indicatorValue.indicatorId, desc(indicatorValue.period));
  for (const r of rows) out.set(r.indicatorId, r.value);
  return out;
}
