import type { auditEvent } from '../../server/src/modules/audit/audit.table.js';
import { hashedText } from '../../server/src/platform/audit.js';
import { HASH_ALG, canonicalJson, digest } from '../../server/src/platform/canonical.js';
import type { ZoneCtx } from './gen-org.js';
import { AS_OF } from './sizes.js';

/** Where the hash chain stands: the generator continues it zone after zone. */
export interface ChainState {
  lastId: bigint;
  lastHash: string;
}

export const GENESIS: ChainState = { lastId: 0n, lastHash: '0'.repeat(64) };

type AuditRow = Omit<typeof auditEvent.$inferSelect, 'hash'>;

/** Objects the events are about. */
export interface AuditSubjects {
  indicatorCodes: string[];
  reportIds: string[];
}

const ACTIONS: [share: number, action: string, objectType: string | null][] = [
  [0.3, 'auth.login', 'user'],
  [0.4, 'indicator_value.put', 'indicator_value'],
  [0.15, 'report.line.put', 'unit_report'],
  [0.05, 'report.submit', 'unit_report'],
  [0.05, 'plan_item.update', 'plan_item'],
  [0.05, 'project_progress.put', 'project_progress'],
];

function periodAt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/**
 * The zone's audit trail: `count` events from 2012 to the business date, hashed exactly as
 * platform/audit.ts recordAudit hashes them (canonical JSON of every field, the previous hash
 * linked), so `lantu audit verify` walks the generated chain and whatever the app appends after it.
 */
export async function generateAudit(c: ZoneCtx, count: number, subjects: AuditSubjects, chain: ChainState): Promise<ChainState> {
  const start = Date.parse('2012-01-01T01:00:00Z');
  const end = Date.parse(`${AS_OF}T00:00:00Z`);
  let { lastId, lastHash } = chain;
  for (let i = 0; i < count; i++) {
    const atMs = start + Math.floor(((end - start) * i) / Math.max(1, count));
    const person = c.rng.pick(c.people);
    let r = c.rng.next();
    const [, action, objectType] = ACTIONS.find(([share]) => (r -= share) < 0) ?? ACTIONS[0]!;
    const period = periodAt(atMs);
    let objectId: string;
    let summary: Record<string, unknown>;
    if (action === 'auth.login') {
      objectId = person.id;
      summary = { stage: 'ok' };
    } else if (action.startsWith('report.')) {
      objectId = subjects.reportIds.length ? c.rng.pick(subjects.reportIds) : c.rng.uuid();
      summary = { period, unitId: c.rng.pick(c.units), after: { state: action === 'report.submit' ? 'submitted' : 'draft' } };
    } else if (action === 'indicator_value.put') {
      objectId = c.rng.uuid();
      summary = { code: c.rng.pick(subjects.indicatorCodes), period, after: { value: (c.rng.range(1, 1000)).toFixed(2), reviewState: 'accepted' } };
    } else {
      objectId = c.rng.uuid();
      summary = { period, after: { note: '按计划推进' } };
    }
    lastId += 1n;
    const row: AuditRow = {
      id: lastId,
      zoneId: c.zoneId,
      at: new Date(atMs),
      userId: person.id,
      username: person.username,
      role: person.role,
      ip: `192.0.2.${c.rng.int(1, 254)}`,
      requestId: c.rng.uuid(),
      action,
      objectType,
      objectId,
      result: 'success',
      summary: JSON.parse(canonicalJson(summary)) as unknown,
      hashAlg: HASH_ALG,
      prevHash: lastHash,
    };
    const hash = digest(HASH_ALG, hashedText(row));
    await c.w.add('audit_event', {
      id: String(row.id), zone_id: row.zoneId, at: row.at, user_id: row.userId, username: row.username, role: row.role, ip: row.ip, request_id: row.requestId,
      action, object_type: objectType, object_id: objectId, result: 'success', summary: row.summary as object, hash_alg: HASH_ALG, prev_hash: lastHash, hash,
    });
    lastHash = hash;
  }
  return { lastId, lastHash };
}
