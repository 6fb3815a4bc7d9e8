import type { AuditEvent } from '@lantu/core';
import { api, downloadUrl } from '../../api/client';

export interface AuditFilters {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure';
}

export interface AuditListParams extends AuditFilters {
  page: number;
  pageSize: number;
}

export interface AuditList {
  items: AuditEvent[];
  total: number;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  brokenId?: string;
}

export function fetchAuditEvents(params: AuditListParams): Promise<AuditList> {
  return api<AuditList>('/audit-events', { query: { ...params } });
}

export function verifyChain(): Promise<ChainVerification> {
  return api<ChainVerification>('/audit-events/verify');
}

export function auditExportUrl(filters: AuditFilters): string {
  return downloadUrl('/audit-events/export', { ...filters });
}
