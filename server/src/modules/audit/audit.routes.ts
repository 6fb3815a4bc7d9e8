import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditEvent, auditQuery, pageOf } from '@lantu/core';
import { recordAudit, verifyAuditChain } from '../../platform/audit.js';
import { authOf } from '../../platform/guard.js';
import { type ModuleDeps, sendXlsx, zodApp } from '../../platform/http.js';
import { workbookOf } from '../../platform/xlsx.js';
import { searchAudit } from './audit.service.js';

const tags = ['audit'];
const auditor = ['auditor'] as const;
/** Exports beyond this many rows must be narrowed by filters. */
export const AUDIT_EXPORT_MAX = 100_000;

export async function auditRoutes(app: FastifyInstance, { db }: ModuleDeps): Promise<void> {
  const r = zodApp(app);

  r.get('/api/v1/audit-events', { config: { access: auditor }, schema: { tags, querystring: auditQuery, response: { 200: pageOf(auditEvent) } } }, async (req) =>
    searchAudit(db, authOf(req).zoneId, req.query),
  );

  r.get('/api/v1/audit-events/export', { config: { access: auditor }, schema: { tags, querystring: auditQuery } }, async (req, reply) => {
    const { items } = await searchAudit(db, authOf(req).zoneId, req.query, AUDIT_EXPORT_MAX);
    const data = await workbookOf('audit', [
      { header: 'ID', width: 8, value: (e) => e.id },
      { header: '时间 Time (UTC)', width: 24, value: (e) => e.at },
      { header: '用户 User', value: (e) => e.username },
      { header: '角色 Role', value: (e) => e.role },
      { header: 'IP', value: (e) => e.ip },
      { header: '请求 Request', value: (e) => e.requestId },
      { header: '操作 Action', width: 22, value: (e) => e.action },
      { header: '对象 Object', value: (e) => e.objectType },
      { header: '对象ID Object id', width: 38, value: (e) => e.objectId },
      { header: '结果 Result', value: (e) => e.result },
      { header: '摘要 Summary', width: 60, value: (e) => (e.summary ? JSON.stringify(e.summary) : '') },
    ], items);
    const { page: _p, pageSize: _s, ...filters } = req.query;
    await db.transaction((tx) => recordAudit(tx, req.actor, { action: 'audit.export', objectType: 'audit_event', summary: { rows: items.length, filters } }));
    return sendXlsx(reply, '审计日志.xlsx', data);
  });

  const verifyResponse = z.object({ ok: z.boolean(), checked: z.int(), brokenId: z.string().optional(), reason: z.string().optional() });
  r.get('/api/v1/audit-events/verify', { config: { access: auditor }, schema: { tags, response: { 200: verifyResponse } } }, async () =>
    verifyAuditChain(db),
  );
}
