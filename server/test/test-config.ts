/** What the server's tests take from their environment, read here only. */

/** A PostgreSQL server to run the suite on (each test file gets a database copied from a template); unset: embedded PGlite. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Fast-check settings of every model run: `MODEL_RUNS=200 MODEL_SEED=7` for a longer or another one. */
export const MODEL_RUN = { numRuns: Number(process.env.MODEL_RUNS ?? 12), seed: Number(process.env.MODEL_SEED ?? 25311), endOnFailure: true };
