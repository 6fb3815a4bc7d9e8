import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-units.js';
import { DEMO_ZONE_CODE, seedDemo } from '../db/seed/seed.js';
import { CliFailure, type Command, cliActor, parseCommand, withDatabase } from './context.js';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'migrate, then load the demo zone 焦作高新区 if it is not there',
  help: `Usage: lantu seed

Applies the migrations, then loads the demo zone (焦作高新区) with its units and ${DEMO_ACCOUNTS.length} demo
accounts (password ${DEMO_PASSWORD}). Does nothing when the demo zone is already there.
Refused with NODE_ENV=production: demo accounts have a published password.`,
  async run(args, ctx) {
    parseCommand(args, {});
    if (ctx.config().nodeEnv === 'production') throw new CliFailure('Refusing to load demo accounts with NODE_ENV=production.');
    return withDatabase(ctx, async (database) => {
      await database.migrate();
      const seeded = await seedDemo(database.db, cliActor(null));
      ctx.out(seeded ? `Seeded the demo zone ${DEMO_ZONE_CODE} (焦作高新区) with ${DEMO_ACCOUNTS.length} accounts.` : `The demo zone ${DEMO_ZONE_CODE} is already there; nothing to do.`);
      return 0;
    });
  },
};
