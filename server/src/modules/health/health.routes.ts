import type { FastifyInstance } from 'fastify';
import { healthResponse } from '@lantu/core';
import { schemaVersion } from '../../db/client.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';

const startedAt = Date.now();
const VERSION = '0.1.0';

export async function healthRoutes(app: FastifyInstance, { db, database }: ModuleDeps): Promise<void> {
  zodApp(app).get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: healthResponse } } }, async () => {
    const v = await schemaVersion(db);
    return { status: 'ok' as const, database: database.kind, schemaVersion: v.tag, migrations: v.count, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), version: VERSION };
  });
}
