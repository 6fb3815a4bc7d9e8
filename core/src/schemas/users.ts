import { z } from 'zod';
import { ROLES } from '../roles.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';
import { name, pageQuery, version } from './common.js';

export const grant = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  role: z.enum(ROLES),
});

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  isDemo: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.int(),
  grants: z.array(grant),
});

export const username = z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/);

export const createUserBody = z.strictObject({
  username,
  displayName: name(50),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullable().optional(),
  email: z.email().max(120).nullable().optional(),
});

export const updateUserBody = z.strictObject({
  version,
  displayName: name(50).optional(),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullable().optional(),
  email: z.email().max(120).nullable().optional(),
});

export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const versionBody = z.strictObject({ version });

export const addGrantBody = z.strictObject({ unitId: z.uuid(), role: z.enum(ROLES) });

export const grantParams = z.strictObject({ id: z.uuid(), grantId: z.uuid() });

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  unitId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export type User = z.infer<typeof user>;
export type CreateUserBody = z.infer<typeof createUserBody>;
export type UpdateUserBody = z.infer<typeof updateUserBody>;
export type UserListQuery = z.infer<typeof userListQuery>;
