import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { DataDirLockedError } from './db/lock.js';
import { demoAccountCount, seedDemo, zoneCount } from './db/seed/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seed/demo-units.js';
import { buildApp } from './app.js';
import { systemClock } from './platform/clock.js';
import { startScheduler } from './modules/notifications/scheduler.js';
import { createDeliveryJob } from './modules/notifications/outbox.js';
import { reportingJobs } from './modules/reporting/reporting.jobs.js';

const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  let database;
  try {
    database = await openDatabase(config, (m) => console.warn(m));
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    throw err;
  }
  await database.migrate();
  const isProduction = config.nodeEnv === 'production';
  if (!isProduction && (await zoneCount(database.db)) === 0) await seedDemo(database.db);
  const demoAccounts = await demoAccountCount(database.db);
  if (isProduction && demoAccounts > 0) {
    await database.close();
    fail(`Refusing to start in production: ${demoAccounts} demo accounts exist. Remove the demo zone or start without NODE_ENV=production.`);
  }

  const app = await buildApp({ database, config, clock: systemClock });
  await app.listen({ port: config.port, host: config.host });
  // Reminders, cycle closing and outbound deliveries; one runner at a time across processes (advisory lock).
  const log = (m: string) => app.log.warn(m);
  const scheduler = startScheduler({ database, clock: systemClock, intervalMs: config.schedulerIntervalMs, jobs: [...reportingJobs, createDeliveryJob(config, log)], log });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database.`);
    const force = setTimeout(() => fail('Shutdown took too long; exiting.'), SHUTDOWN_GRACE_MS);
    app.beginShutdown();
    await app.close();
    await scheduler.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`\n蓝图 Lantu is running at http://localhost:${config.port}  (database: ${where}; started in ${Date.now() - started} ms, RSS ${rss} MB)`);
  if (demoAccounts > 0) {
    console.log(`\nDemo zone 焦作高新区 — sign in with any of these accounts, password ${DEMO_PASSWORD}:`);
    console.log(`  ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    console.log('  (office and the admin accounts also ask for a one-time code; the login page shows it for demo accounts)\n');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
