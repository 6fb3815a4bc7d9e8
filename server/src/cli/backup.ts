import fs from 'node:fs';
import path from 'node:path';
import { writeBackup } from '../db/backup.js';
import { type Command, parseCommand, withDatabase, cliActor } from './context.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write the whole database to one checksummed file',
  help: `Usage: lantu backup <file>

Writes every table but sessions and login attempts to <file> (gzip, JSON lines, a SHA-256
checksum per table and one over the whole content), from one consistent snapshot, after
recording a system.backup audit event. Refuses to overwrite an existing file.
With the embedded database (DATA_DIR) stop the server first: one process owns a data directory.
With PostgreSQL (DATABASE_URL) the server may keep running.`,
  async run(args, ctx) {
    const file = path.resolve(parseCommand(args, {}, ['file']).positionals[0]!);
    const { manifest } = await withDatabase(ctx, (database) => writeBackup(database, file, cliActor(null)), { mustExist: true });
    const tables = Object.entries(manifest.tables);
    const rows = tables.reduce((n, [, t]) => n + t.rows, 0);
    ctx.out(`Backup written to ${file}: ${rows} rows in ${tables.length} tables, ${Math.ceil(fs.statSync(file).size / 1024)} KiB.`);
    ctx.out(`  ${tables.map(([name, t]) => `${name} ${t.rows}`).join(', ')}`);
    ctx.out(`  sha256 ${manifest.sha256}`);
    const filesDir = ctx.config().filesDir;
    if (fs.existsSync(filesDir) && fs.readdirSync(filesDir).length > 0) {
      ctx.err(`Note: uploaded files in ${filesDir} are not in this file; back that directory up alongside it.`);
    }
    return 0;
  },
};
