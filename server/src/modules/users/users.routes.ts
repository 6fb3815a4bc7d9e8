import type { FastifyInstance } from 'fastify';

import { addGrantBody, createUserBody, grantParams, idParams, pageOf, resetPasswordBody, updateUserBody, user, userListQuery, versionBody } from '@lantu/core';
import { recordAudit } from '../../platform/audit.js';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, sendXlsx, zodApp } from '../../platform/http.js';
import { workbookOf } from '../../platform/xlsx.js';
import * as users from './users.service.js';

const tags = ['users'];
const admins = ['sysadmin', 'secadmin'] as const;

export async function userRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const r = zodApp(app);
  const { db, clock } = deps;
  const zone = (req: { auth: unknown }) => authOf(req as never).zoneId;

  r.get('/api/v1/users', { config: { access: admins }, schema: { tags, querystring: userListQuery, response: { 200: pageOf(user) } } }, async (req) =>
    users.listUsers(db, zone(req), req.query, clock.now()),
  );

  r.get('/api/v1/users/export', { config: { access: admins }, schema: { tags, querystring: userListQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const { items } = await users.listUsers(db, zone(req), { ...req.query, page: 1, pageSize: 0 }, clock.now());
    const data = await workbookOf('users', [
      { header: '用户名 Username', value: (u) => u.username },
      { header: '姓名 Name', value: (u) => u.displayName },
      { header: '状态 Status', value: (u) => u.status },
      { header: '单位与角色 Units & roles', width: 40, value: (u) => u.grants.map((g) => `${g.unitName}:${g.role}`).join('; ') },
      { header: 'TOTP', value: (u) => u.totpEnabled },
      { header: '最近登录 Last login', width: 24, value: (u) => u.lastLoginAt },
    ], items);
    await db.transaction((tx) => recordAudit(tx, req.actor, { action: 'users.export', objectType: 'user', summary: { rows: items.length, filters: req.query } }));
    return sendXlsx(reply, '用户.xlsx', data);
  });

  r.get('/api/v1/users/:id', { config: { access: admins }, schema: { tags, params: idParams, response: { 200: user } } }, async (req) =>
    users.getUser(db, zone(req), req.params.id, clock.now()),
  );

  r.post('/api/v1/users', { config: { access: ['sysadmin'] }, schema: { tags, body: createUserBody, response: { 201: user } } }, async (req, reply) =>
    reply.status(201).send(await users.createUser(db, clock, req.actor, zone(req), req.body)),
  );

  r.patch('/api/v1/users/:id', { config: { access: ['sysadmin'] }, schema: { tags, params: idParams, body: updateUserBody, response: { 200: user } } }, async (req) =>
    users.updateUser(db, clock, req.actor, zone(req), req.params.id, req.body),
  );

  const verbs = {
    disable: { access: ['sysadmin'], action: 'user.disable', change: { status: 'disabled' }, endSessions: true },
    enable: { access: ['sysadmin'], action: 'user.enable', change: { status: 'active' }, endSessions: false },
    unlock: { access: ['sysadmin'], action: 'user.unlock', change: { lockedUntil: null, failedLogins: 0 }, endSessions: false },
    'reset-totp': { access: ['secadmin'], action: 'user.reset_totp', change: { totpEnabled: false, totpSecret: null }, endSessions: true },
  } as const;
  for (const [verb, v] of Object.entries(verbs)) {
    r.post(`/api/v1/users/:id/${verb}`, { config: { access: v.access }, schema: { tags, params: idParams, body: versionBody, response: { 200: user } } }, async (req) =>
      users.changeUser(db, clock, req.actor, zone(req), req.params.id, req.body.version, v.action, { ...v.change }, { endSessions: v.endSessions }),
    );
  }

  r.post('/api/v1/users/:id/reset-password', { config: { access: ['sysadmin'] }, schema: { tags, params: idParams, body: resetPasswordBody, response: { 200: user } } }, async (req) =>
    users.resetPassword(db, clock, req.actor, zone(req), req.params.id, req.body.password),
  );

  r.post('/api/v1/users/:id/grants', { config: { access: ['secadmin'] }, schema: { tags, params: idParams, body: addGrantBody, response: { 200: user } } }, async (req) =>
    users.addGrant(db, clock, req.actor, zone(req), req.params.id, req.body.unitId, req.body.role),
  );

  r.delete('/api/v1/users/:id/grants/:grantId', { config: { access: ['secadmin'] }, schema: { tags, params: grantParams, response: { 200: user } } }, async (req) =>
    users.removeGrant(db, clock, req.actor, zone(req), req.params.id, req.params.grantId),
  );
}

