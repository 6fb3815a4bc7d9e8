import path from 'node:path';
import type { Config } from '../config.js';
import { type Database, openPglite, openPostgres } from './client.js';
import { lockDataDir } from './lock.js';

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pg,
 * owned by this process through DATA_DIR/lantu.lock until close().
 * @throws DataDirLockedError when another live process owns the data directory
 */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize);
  const lock = lockDataDir(config.dataDir);
  if (lock.healedFrom !== undefined) log(`Took over the lock of ${config.dataDir} left by process ${lock.healedFrom}, which is no longer running.`);
  try {
    const database = await openPglite(path.join(config.dataDir, 'pg'));
    const close = database.close;
    return {
      ...database,
      close: async () => {
        try {
          await close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
