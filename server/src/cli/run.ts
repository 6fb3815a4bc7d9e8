import type { FieldIssue } from '@lantu/core';
import { ConfigError } from '../config.js';
import { BackupError } from '../db/backup.js';
import { DataDirLockedError } from '../db/lock.js';
import { AppError, messageFor } from '../platform/errors.js';
import { auditCommand } from './audit.js';
import { backupCommand } from './backup.js';
import { type CliContext, CliFailure, type Command, UsageError, defaultContext } from './context.js';
import { createUserCommand } from './create-user.js';
import { migrateCommand } from './migrate.js';
import { restoreCommand } from './restore.js';
import { seedCommand } from './seed.js';

export const COMMANDS: readonly Command[] = [migrateCommand, seedCommand, createUserCommand, auditCommand, backupCommand, restoreCommand];

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const HELP = `蓝图 Lantu — administration commands

Usage: lantu <command> [options]     lantu <command> --help

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join('\n')}

The database is the server's: DATABASE_URL (PostgreSQL), else the embedded PGlite database in
DATA_DIR (default ./data), which only one process may open at a time — stop the server first.
Exit codes: 0 done, 1 failed or refused, 2 wrong usage.`;

/** An operator-facing line for an application error (password policy problems, taken fields). */
function describeAppError(err: AppError): string {
  const d = (err.details ?? {}) as { problems?: string[]; minLength?: number; minClasses?: number; fields?: FieldIssue[]; reason?: string };
  if (err.code === 'password_policy') {
    return `${messageFor(err.code, 'en-US')}: ${d.problems?.join(', ')} (at least ${d.minLength} characters from ${d.minClasses} of: lower case, upper case, digits, symbols).`;
  }
  const extra = d.fields?.map((f) => `${f.field}: ${f.issue}`).join('; ') ?? d.reason;
  return `${messageFor(err.code, 'en-US')}${extra ? ` (${extra})` : ''}.`;
}

/** Turns a thrown error into its message and exit code; unexpected errors keep their stack. */
function report(err: unknown, command: Command | undefined, ctx: CliContext): number {
  if (err instanceof UsageError) {
    ctx.err(`${err.message}\nSee: lantu ${command?.name ?? ''} --help`.replace('  ', ' '));
    return EXIT.usage;
  }
  if (err instanceof AppError) ctx.err(describeAppError(err));
  else if (err instanceof CliFailure || err instanceof BackupError || err instanceof ConfigError || err instanceof DataDirLockedError) ctx.err(err.message);
  else ctx.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return EXIT.failure;
}

/**
 * Runs one `lantu` command and returns its exit code; never throws.
 * @param ctx where config, database and output come from (tests pass their own)
 */
export async function runCli(argv: readonly string[], ctx: CliContext = defaultContext()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? ctx.out : ctx.err)(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return report(new UsageError(`Unknown command ${name}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}`), undefined, ctx);
  if (args.includes('--help') || args.includes('-h')) {
    ctx.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    return report(err, command, ctx);
  }
}
