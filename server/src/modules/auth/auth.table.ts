import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from '../../db/columns.js';
import { appUser } from '../users/users.table.js';

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const userSession = pgTable(
  'user_session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** 'ok' when fully signed in; 'totp' / 'totp_enrol' while the second factor is pending. */
    stage: text('stage').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
);

/** Login attempts, for per-IP and per-account rate limits shared by every app process. */
export const loginAttempt = pgTable(
  'login_attempt',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    ip: text('ip').notNull(),
    username: text('username').notNull(),
    success: boolean('success').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_attempt_ip_idx').on(t.ip, t.at), index('login_attempt_user_idx').on(t.username, t.at)],
);
