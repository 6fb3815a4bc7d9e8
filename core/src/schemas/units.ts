import { z } from 'zod';
import { UNIT_KINDS } from '../roles.js';
import { name, version } from './common.js';

export const unit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  sort: z.int(),
  active: z.boolean(),
  version: z.int(),
  memberCount: z.int(),
});

export const unitCode = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,32}$/);

export const createUnitBody = z.strictObject({
  parentId: z.uuid().nullable(),
  code: unitCode,
  name: name(100),
  shortName: name(30).nullable().optional(),
  kind: z.enum(UNIT_KINDS),
  sort: z.int().min(0).max(100000).default(0),
});

export const updateUnitBody = z.strictObject({
  version,
  parentId: z.uuid().nullable().optional(),
  code: unitCode.optional(),
  name: name(100).optional(),
  shortName: name(30).nullable().optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  sort: z.int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});

export type Unit = z.infer<typeof unit>;
export type CreateUnitBody = z.infer<typeof createUnitBody>;
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;
