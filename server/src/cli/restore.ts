import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup, scanBackup } from '../db/restore.js';
import { recordAudit } from '../platform/audit.js';
import { CliFailure, type Command, parseCommand, withDatabase, cliActor } from './context.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'load a backup file into a new, empty database',
  help: `Usage: lantu restore <file>

Checks the whole file first (gzip stream, every table checksum, the manifest): a damaged or
truncated backup is refused and nothing is written. Then migrates the target database and loads
the backup in one transaction, and records a system.restore audit event.
The target must be empty: a new DATA_DIR (embedded), or a new database in DATABASE_URL.
The backup must come from the same schema version as this Lantu.`,
  async run(args, ctx) {
    const file = path.resolve(parseCommand(args, {}, ['file']).positionals[0]!);
    if (!fs.existsSync(file)) throw new CliFailure(`${file} does not exist.`);
    const verified = await scanBackup(file); // a damaged file is refused before any database is touched
    return withDatabase(ctx, async (database) => {
      await database.migrate();
      const { header, manifest } = await restoreBackup(database.db, file, verified);
      const rows = Object.fromEntries(Object.entries(manifest.tables).map(([t, s]) => [t, s.rows]));
      await database.db.transaction((tx) =>
        recordAudit(tx, cliActor(null), {
          action: 'system.restore',
          objectType: 'backup',
          objectId: path.basename(file),
          summary: { createdAt: header.createdAt, schemaVersion: header.schemaVersion.tag, from: header.databaseKind, sha256: manifest.sha256, rows },
        }),
      );
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      ctx.out(`Restored ${total} rows in ${Object.keys(rows).length} tables from ${file} (written ${header.createdAt}, schema ${header.schemaVersion.tag}).`);
      return 0;
    });
  },
};
