import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { zone } from './zones.table.js';

export const zoneView = z.object({ id: z.uuid(), code: z.string(), name: z.string(), isDemo: z.boolean(), asOfDate: z.string() });

export async function zoneRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  zodApp(app).get('/api/v1/zone', { config: { access: 'user' }, schema: { tags: ['zones'], response: { 200: zoneView } } }, async (req) => {
    const [z] = await db.select().from(zone).where(eq(zone.id, authOf(req).zoneId));
    if (!z) throw new AppError('not_found');
    return { id: z.id, code: z.code, name: z.name, isDemo: z.isDemo, asOfDate: z.asOfDate };
  });
}
