import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';

/**
 * Fetches many rows as one JSON document. PGlite pays per row and per field returned, so a plan's
 * 2,000 items or 25,000 values come back several times faster this way (and PostgreSQL does not mind).
 * Numeric columns must be given as `col::text` so decimals stay exact strings.
 * @param fields output key → column or SQL expression
 * @param from the `from … where …` part of the query
 */
export async function jsonRows<T>(db: DbOrTx, fields: { [K in keyof T]: AnyColumn | SQL }, from: SQL): Promise<T[]> {
  const columns = sql.join(
    Object.entries(fields as Record<string, AnyColumn | SQL>).map(([k, v]) => sql`${v} as ${sql.raw(`"${k.replace(/[^A-Za-z0-9_]/g, '')}"`)}`),
    sql`, `,
  );
  const [row] = await queryRows<{ j: string }>(db, sql`select coalesce(json_agg(t), '[]')::text as j from (select ${columns} ${from}) t`);
  return JSON.parse(row?.j ?? '[]') as T[];
}

/** `col::text`, for numeric columns read as exact decimal strings. */
export const asText = (col: AnyColumn) => sql`${col}::text`;
