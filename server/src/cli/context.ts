import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import type { Actor } from '../platform/audit.js';
import { readPassword } from './prompt.js';

/** What a command needs from the outside world; tests pass their own database and capture output. */
export interface CliContext {
  /** @throws ConfigError listing every bad environment variable */
  config(): Config;
  /**
   * Opens the configured database (taking the PGlite data-dir lock). With `mustExist`, refuses
   * to create a new embedded database where there is none (a mistyped DATA_DIR).
   * @throws CliFailure when `mustExist` and DATA_DIR holds no database; DataDirLockedError
   */
  openDatabase(opts?: { mustExist?: boolean }): Promise<Database>;
  out(text: string): void;
  err(text: string): void;
  /** A secret typed at a terminal without echo, or the first line of piped stdin. */
  readSecret(prompt: string): Promise<string>;
}

/** The real world: environment, terminal and the configured database. */
export function defaultContext(): CliContext {
  let config: Config | undefined;
  const ctx: CliContext = {
    config: () => (config ??= loadConfig()),
    openDatabase: async ({ mustExist = false } = {}) => {
      const c = ctx.config();
      if (mustExist && !c.databaseUrl && !fs.existsSync(path.join(c.dataDir, 'pg', 'PG_VERSION'))) {
        throw new CliFailure(`No database in ${c.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
      }
      return openDatabase(c, (m) => ctx.err(m));
    },
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    readSecret: readPassword,
  };
  return ctx;
}

/** Wrong invocation: exit code 2 and a pointer to --help. */
export class UsageError extends Error {}
/** A refusal or failure the operator can act on: exit code 1, message only. */
export class CliFailure extends Error {}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * Strict option parsing (`--help` is handled before a command runs).
 * @throws UsageError on unknown options, missing values or a wrong number of arguments
 */
export function parseCommand<O extends OptionSpec>(args: string[], options: O, positionals: string[] = []) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.positionals.length !== positionals.length) {
    throw new UsageError(positionals.length ? `Expected ${positionals.map((p) => `<${p}>`).join(' ')}` : `Unexpected argument ${parsed.positionals[0]}`);
  }
  return parsed as { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] };
}

/**
 * Opens the database, runs `fn`, and always closes it (releasing the data-dir lock).
 * @throws what CliContext.openDatabase throws, and whatever `fn` throws
 */
export async function withDatabase<T>(ctx: CliContext, fn: (database: Database) => Promise<T>, opts: { mustExist?: boolean } = {}): Promise<T> {
  const database = await ctx.openDatabase(opts);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The actor the command line writes into the audit trail. */
export function cliActor(zoneId: string | null): Actor {
  return { zoneId, userId: null, username: 'cli', role: null, ip: null, requestId: null };
}
