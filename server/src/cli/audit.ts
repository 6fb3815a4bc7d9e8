import { verifyAuditChain } from '../platform/audit.js';
import { migratedVersion } from '../db/backup.js';
import { CliFailure, type Command, UsageError, parseCommand, withDatabase } from './context.js';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'audit verify: check the audit trail hash chain',
  help: `Usage: lantu audit verify

Walks the whole audit trail in id order and recomputes every event's hash and its link to the
previous event. Prints "OK: N events verified" (exit 0), or names the first event that does not
hold: "BROKEN at audit_event id X (hash|link)" (exit 1) — hash: the row was changed;
link: a row before it was removed or replaced.`,
  async run(args, ctx) {
    const parsed = parseCommand(args, {}, ['subcommand']);
    if (parsed.positionals[0] !== 'verify') throw new UsageError(`Unknown audit subcommand ${parsed.positionals[0]}; try: lantu audit verify`);
    return withDatabase(
      ctx,
      async ({ db }) => {
        if (!(await migratedVersion(db))) throw new CliFailure('The database has no Lantu schema yet; run `lantu migrate` first.');
        const result = await verifyAuditChain(db);
        if (result.ok) {
          ctx.out(`OK: ${result.checked} events verified`);
          return 0;
        }
        ctx.out(`BROKEN at audit_event id ${result.brokenId} (${result.reason}); ${result.checked} events before it verified`);
        return 1;
      },
      { mustExist: true },
    );
  },
};
