import { asc, gt, is, sql } from 'drizzle-orm';
import { NodePgTransaction } from 'drizzle-orm/node-postgres';
import { type DbOrTx, queryRows } from '../db/client.js';
import { auditEvent } from '../modules/audit/audit.table.js';
import { HASH_ALG, canonicalJson, digest } from './canonical.js';

/** Who did it and from where: taken from the request, passed to every service. */
export interface Actor {
  zoneId: string | null;
  userId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { zoneId: null, userId: null, username: 'system', role: null, ip: null, requestId: null };

export interface AuditInput {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure';
  summary?: Record<string, unknown>;
  /** Overrides the actor's zone (events before a user is known). */
  zoneId?: string | null;
}

const GENESIS = '0'.repeat(64);
const SECRET_KEYS = /password|secret|token|hash/i;
/** Any key of a row that must not be written into the trail, stripped at every depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

type Row = typeof auditEvent.$inferSelect;

/** The text a row's hash covers: every field but the hash itself. */
export function hashedText(row: Omit<Row, 'hash'>): string {
  return canonicalJson({ ...row, id: String(row.id), at: row.at.toISOString(), hash: undefined });
}

const CHAIN_LOCK = sql`select pg_advisory_xact_lock(7474001)`;
/** The next event id and the chain's last hash, in one round trip. */
const CHAIN_HEAD = sql`select nextval('audit_event_id_seq')::text as id, (select ${auditEvent.hash} from ${auditEvent} order by ${auditEvent.id} desc limit 1) as prev`;
interface ChainHead {
  id: string;
  prev: string | null;
}

/**
 * Takes the chain's lock, then reads its head in a statement of its own (a snapshot that sees the
 * previous holder's row). The lock is held until the commit, so the round trips from here on are
 * what every other writer waits for. On PostgreSQL both go in one round trip: node-postgres sends a
 * query without parameters in the simple protocol, where each statement of the string takes its
 * own snapshot. PGlite runs in-process, one statement per call.
 */
async function lockChainHead(tx: DbOrTx): Promise<ChainHead> {
  if (is(tx, NodePgTransaction)) {
    const results = (await tx.execute(sql`${CHAIN_LOCK}; ${CHAIN_HEAD}`)) as unknown as { rows: ChainHead[] }[];
    return results[1]!.rows[0]!;
  }
  await tx.execute(CHAIN_LOCK);
  return (await queryRows<ChainHead>(tx, CHAIN_HEAD))[0]!;
}

/**
 * Appends one event to the hash chain, inside the caller's transaction so it commits with the change.
 * An advisory lock serialises writers so the chain never forks.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  const summary = input.summary ? (JSON.parse(canonicalJson(redact(input.summary))) as unknown) : null;
  const next = await lockChainHead(tx);
  const row: Omit<Row, 'hash'> = {
    id: BigInt(next.id),
    zoneId: input.zoneId !== undefined ? input.zoneId : actor.zoneId,
    at: new Date(),
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    ip: actor.ip,
    requestId: actor.requestId,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    result: input.result ?? 'success',
    summary,
    hashAlg: HASH_ALG,
    prevHash: next.prev ?? GENESIS,
  };
  await tx.insert(auditEvent).values({ ...row, hash: digest(HASH_ALG, hashedText(row)) });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenId?: string;
  reason?: 'hash' | 'link';
}

/** Walks the whole chain in id order and names the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: DbOrTx, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastId = 0n;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvent).where(gt(auditEvent.id, lastId)).orderBy(asc(auditEvent.id)).limit(batch);
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.prevHash !== prev) return { ok: false, checked, brokenId: String(row.id), reason: 'link' };
      if (digest(row.hashAlg, hashedText(rest)) !== hash) return { ok: false, checked, brokenId: String(row.id), reason: 'hash' };
      prev = hash;
      checked++;
      lastId = row.id;
    }
    if (rows.length < batch) return { ok: true, checked };
  }
}
