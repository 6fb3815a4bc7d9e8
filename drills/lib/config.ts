/** The drills' view of their environment, read here only. */

/** Where the drills' PostgreSQL databases are created (an admin connection to any database of the server). */
export const PG_ADMIN_URL = process.env.DRILL_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The caller's environment for a child process, without its database settings (DATABASE_URL, DATA_DIR). */
export function inheritedEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, DATA_DIR: _d, ...rest } = process.env;
  return rest;
}
