import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { idParams, okResponse, photoMeta } from '@lantu/core';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, zodApp } from '../../platform/http.js';
import { uploadOf } from '../../platform/uploads.js';
import { PROJECT_READERS, PROJECT_WORKERS, scopeOf } from './projects.policy.js';
import { addPhoto, deletePhoto, getPhoto } from './photos.service.js';
import { sendStored } from '../../platform/files.js';

const tags = ['projects'];

/** Site photos of monthly progress: upload (office or lead-unit staff), view inline, delete. */
export async function photoRoutes(app: FastifyInstance, { db, config }: ModuleDeps): Promise<void> {
  // Uploads are parsed only in this module's scope, with the configured size limit (→ 413).
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
  const r = zodApp(app);

  r.post('/api/v1/project-progress/:id/photos', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: photoMeta } } }, async (req, reply) => {
    const file = await uploadOf(req);
    const auth = authOf(req);
    return reply.status(201).send(await addPhoto(db, req.actor, scopeOf(auth), auth.zoneId, req.params.id, file, config.filesDir));
  });

  // Shown in the page (inline), but sandboxed and never sniffed into anything but the stored image type.
  r.get('/api/v1/project-photos/:id', { config: { access: PROJECT_READERS }, schema: { tags, params: idParams } }, async (req, reply) => {
    const photo = await getPhoto(db, authOf(req).zoneId, req.params.id, config.filesDir);
    return sendStored(reply, photo, 'inline');
  });

  r.delete('/api/v1/project-photos/:id', { config: { access: PROJECT_WORKERS }, schema: { tags, params: idParams, response: { 200: okResponse } } }, async (req) => {
    const auth = authOf(req);
    await deletePhoto(db, req.actor, scopeOf(auth), auth.zoneId, req.params.id, config.filesDir);
    return { ok: true as const };
  });
}
