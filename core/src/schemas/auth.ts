import { z } from 'zod';
import { ROLES } from '../roles.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';

const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password,
});

export const totpBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const changePasswordBody = z.strictObject({
  currentPassword: password,
  newPassword: password,
});

export const membership = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  role: z.enum(ROLES),
});

/** What the signed-in user is and may do; `stage` says which login step is next. */
export const meResponse = z.object({
  stage: z.enum(['ok', 'totp', 'totp_enrol']),
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  zone: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean(), asOfDate: z.string() }),
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(membership),
  csrfToken: z.string(),
});

export const loginResponse = meResponse.extend({
  /** Only for demo accounts outside production: the current TOTP code, so a visitor can try the demo. */
  demoTotpCode: z.string().optional(),
});

export const totpEnrolResponse = z.object({ secret: z.string(), uri: z.string() });

export type LoginBody = z.infer<typeof loginBody>;
export type MeResponse = z.infer<typeof meResponse>;
export type LoginResponse = z.infer<typeof loginResponse>;
