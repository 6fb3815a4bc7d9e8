import path from 'node:path';
import { z } from 'zod';
import { SERVER_DIR } from './paths.js';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_DIST: z.string().min(1).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** Uploaded evidence files; defaults to DATA_DIR/files, outside any static root. */
  FILES_DIR: z.string().min(1).optional(),
  /** Optional base map for the project map: an http(s) tile URL template such as https://tile.example.cn/{z}/{x}/{y}.png. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL')
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'must contain {z}, {x} and {y}')
    .optional(),
  /** How often the in-server scheduler runs its jobs (reminders, outbound deliveries), in ms; 0 disables it in this process. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** Outbound e-mail for notification channels: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\/\S+$/.test(u) && URL.canParse(u), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of notification e-mails, such as "蓝图 <lantu@example.gov.cn>"; defaults to lantu@<SMTP host>. */
  SMTP_FROM: z.string().trim().min(3).max(200).optional(),
  /** The web's public base URL (https://lantu.example.gov.cn), for absolute links in robot and e-mail messages. */
  PUBLIC_URL: z
    .string()
    .refine((u) => /^https?:\/\/\S+$/.test(u) && URL.canParse(u), 'must be an http(s) URL')
    .optional(),
});

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly poolSize: number;
  readonly dataDir: string;
  readonly webDist: string;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly uploadMaxBytes: number;
  readonly filesDir: string;
  /** Tile URL template of the project map's base map; null: the map works without tiles (offline). */
  readonly mapTileUrl: string | null;
  /** Scheduler tick in ms; 0: this process runs no scheduler. */
  readonly schedulerIntervalMs: number;
  /** SMTP server for e-mail channels (holds credentials: never log it); null: e-mail channels cannot be created. */
  readonly smtpUrl: string | null;
  readonly smtpFrom: string | null;
  /** Public base URL of the web for links in outbound messages; null: messages carry no link. */
  readonly publicUrl: string | null;
}

export class ConfigError extends Error {}

/**
 * The only reader of process.env. Parses every variable at once and lists every bad one.
 * @throws ConfigError naming each invalid variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    webDist: path.resolve(e.WEB_DIST ?? path.join(SERVER_DIR, '../web/dist')),
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    filesDir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
    mapTileUrl: e.MAP_TILE_URL ?? null,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
  });
}

/** A configuration for tests and tools: defaults plus overrides, no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides });
}
