import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

/** Append-only, hash-chained audit trail (triggers refuse UPDATE and DELETE). */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    zoneId: uuid('zone_id'),
    at: ts('at').notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    role: text('role'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').notNull(),
    summary: jsonb('summary'),
    hashAlg: text('hash_alg').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_zone_at_idx').on(t.zoneId, t.at),
    index('audit_event_action_idx').on(t.action),
    // The newest event of a zone (the stamp of its data: plans/evaluation.cache.ts).
    index('audit_event_zone_id_idx').on(t.zoneId, t.id),
  ],
);
