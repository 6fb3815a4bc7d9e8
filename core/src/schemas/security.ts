import { z } from 'zod';
import { pageQuery, version } from './common.js';

export const policy = z.object({
  minLength: z.int().min(8).max(64),
  privilegedMinLength: z.int().min(12).max(64),
  minClasses: z.int().min(3).max(4),
  lockoutThreshold: z.int().min(3).max(10),
  lockoutMinutes: z.int().min(5).max(1440),
  idleTimeoutMinutes: z.int().min(5).max(30),
  absoluteTimeoutHours: z.int().min(1).max(24),
});

export const policyResponse = policy.extend({ version, updatedAt: z.string().nullable() });
export const updatePolicyBody = z.strictObject({ ...policy.shape, version });

export const auditEvent = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  summary: z.unknown(),
});

const isoDate = z.iso.date();
export const auditQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
});

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  schemaVersion: z.string(),
  migrations: z.int(),
  uptimeSeconds: z.number(),
  version: z.string(),
});

export type Policy = z.infer<typeof policy>;
export type AuditEvent = z.infer<typeof auditEvent>;
export type AuditQuery = z.infer<typeof auditQuery>;
