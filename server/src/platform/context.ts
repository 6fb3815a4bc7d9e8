import type { Role } from '@lantu/core';
import type { Actor } from './audit.js';

export interface Grant {
  id: string;
  unitId: string;
  unitName: string;
  role: Role;
}

/** The signed-in user as every request sees it (loaded once per request from the session). */
export interface AuthContext {
  sessionId: string;
  stage: 'ok' | 'totp' | 'totp_enrol';
  csrfToken: string;
  userId: string;
  zoneId: string;
  username: string;
  displayName: string;
  isDemo: boolean;
  mustChangePassword: boolean;
  grants: Grant[];
  roles: Set<Role>;
}

/**
 * Who may call a route: `public` (anyone), `session` (signed in, second factor may be pending),
 * `user` (fully signed in, any role), or a list of roles of which the user must hold one.
 */
export type Access = 'public' | 'session' | 'user' | readonly Role[];

export function actorOf(auth: AuthContext | null, ip: string, requestId: string): Actor {
  return {
    zoneId: auth?.zoneId ?? null,
    userId: auth?.userId ?? null,
    username: auth?.username ?? null,
    role: auth ? [...auth.roles].join(',') || null : null,
    ip,
    requestId,
  };
}

/** Units in which the user holds one of the roles. */
export function unitsWithRole(auth: AuthContext, roles: readonly Role[]): string[] {
  return auth.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId);
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set when a session cookie was sent but no longer valid. */
    sessionExpired: boolean;
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
