import { migratedVersion } from '../db/backup.js';
import { type Command, parseCommand, withDatabase } from './context.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the database migrations and print the schema version',
  help: `Usage: lantu migrate

Applies every committed migration the database does not have yet (the server also does this at
start) and prints the schema version. Safe to run any number of times.`,
  async run(args, ctx) {
    parseCommand(args, {});
    return withDatabase(ctx, async (database) => {
      const before = (await migratedVersion(database.db))?.count ?? 0;
      await database.migrate();
      const after = await migratedVersion(database.db);
      ctx.out(`Schema version ${after?.tag} (${after?.count} migrations; ${(after?.count ?? 0) - before} applied now).`);
      return 0;
    });
  },
};
