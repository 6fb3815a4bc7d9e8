import path from 'node:path';

/**
 * The server package's folder. This file sits one level below it both as source
 * (server/src/paths.ts) and inside the bundle `npm start` runs (server/dist/main.js), so the
 * folders found from here (migrations, the built web) are the same either way.
 */
export const SERVER_DIR = path.resolve(import.meta.dirname, '..');
