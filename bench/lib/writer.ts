import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A cell as the generator hands it over; objects and arrays go to jsonb columns. */
export type Cell = string | number | boolean | null | Date | object;
export type Row = Record<string, Cell>;

/**
 * Bulk writer of generated rows: big multi-row INSERTs into PGlite, COPY into PostgreSQL. Rows
 * of a table are buffered and written in chunks; callers add parent tables before child tables
 * and call flush() before anything reads the data back.
 */
export interface BulkWriter {
  add(table: string, row: Row): Promise<void>;
  /** Writes every buffered row of every table, in the order the tables were first added. */
  flush(): Promise<void>;
  /** Rows written so far, by table. */
  readonly counts: Map<string, number>;
}

interface Buffer {
  columns: string[];
  parts: string[];
  bytes: number;
}

/** Flush a table's buffer once its text reaches this many characters. */
const CHUNK_CHARS = 4 * 1024 * 1024;

abstract class Buffered implements BulkWriter {
  readonly counts = new Map<string, number>();
  private readonly buffers = new Map<string, Buffer>();

  protected abstract encode(columns: string[], row: Row): string;
  protected abstract write(table: string, columns: string[], parts: string[]): Promise<void>;

  async add(table: string, row: Row): Promise<void> {
    let b = this.buffers.get(table);
    if (!b) {
      b = { columns: Object.keys(row), parts: [], bytes: 0 };
      this.buffers.set(table, b);
    }
    const text = this.encode(b.columns, row);
    b.parts.push(text);
    b.bytes += text.length;
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (b.bytes >= CHUNK_CHARS) await this.flushThrough(table);
  }

  /** Flushes `table` and, before it, every table first added earlier (its parents). */
  private async flushThrough(table: string): Promise<void> {
    for (const [name, b] of this.buffers) {
      await this.flushTable(name, b);
      if (name === table) return;
    }
  }

  private async flushTable(table: string, b: Buffer): Promise<void> {
    if (b.parts.length === 0) return;
    const parts = b.parts;
    b.parts = [];
    b.bytes = 0;
    await this.write(table, b.columns, parts);
  }

  async flush(): Promise<void> {
    for (const [table, b] of this.buffers) await this.flushTable(table, b);
  }
}

function sqlLiteral(v: Cell): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : v;
  return `'${text.replace(/'/g, "''")}'`;
}

/** PGlite: one INSERT … VALUES (…), (…) per chunk, literals inline (PGlite pays per bound parameter). */
export class PgliteWriter extends Buffered {
  constructor(private readonly pglite: PGlite) {
    super();
  }

  protected encode(columns: string[], row: Row): string {
    return `(${columns.map((c) => sqlLiteral(row[c] as Cell)).join(',')})`;
  }

  protected async write(table: string, columns: string[], parts: string[]): Promise<void> {
    await this.pglite.exec(`insert into ${table} (${columns.join(',')}) values ${parts.join(',\n')}`);
  }
}

function copyField(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : v;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** PostgreSQL: COPY … FROM STDIN in text format, one COPY per chunk. */
export class PgCopyWriter extends Buffered {
  constructor(private readonly client: pg.PoolClient | pg.Client) {
    super();
  }

  protected encode(columns: string[], row: Row): string {
    return `${columns.map((c) => copyField(row[c] as Cell)).join('\t')}\n`;
  }

  protected async write(table: string, columns: string[], parts: string[]): Promise<void> {
    const stream = this.client.query(copyFrom(`copy ${table} (${columns.join(',')}) from stdin`));
    await pipeline(Readable.from(parts), stream);
  }
}
