import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { TEST_DATABASE_URL } from './test-config.js';

/**
 * Builds one migrated, seeded template per run; every test file starts from a copy of it:
 * a PGlite data-dir tarball, or (with TEST_DATABASE_URL) a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const url = TEST_DATABASE_URL;
  if (url) {
    const name = `lantu_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const tplUrl = withDatabase(url, name);
    const database = await openPostgres(tplUrl, 2);
    await database.migrate();
    await seedDemo(database.db);
    await database.close();
    project.provide('pgTemplate', { url, name });
    return async () => {
      const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'lantu_t_${process.pid}_%' or datname = $1`, [name]);
      for (const r of rows.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    };
  }
  const file = path.resolve('.test-data/template.tar.gz');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = await openPglite('memory://');
  await database.migrate();
  await seedDemo(database.db);
  const blob = await database.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', null);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: { url: string; name: string } | null;
  }
}
