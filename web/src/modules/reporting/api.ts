import type {
  CreateCycleBody,
  PutLineBody,
  ReopenReportBody,
  ReportCycle,
  ReportDetail,
  ReportImportResult,
  ReportLine,
  ReportState,
  ReturnReportBody,
  UnitReport,
  UpdateCycleBody,
} from '@lantu/core';
import { api, downloadUrl, type QueryValue } from '../../api/client';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The API's largest page: one cycle's board (every unit of a zone) fits in one. */
export const MAX_PAGE_SIZE = 200;

export interface ReportFilters {
  cycleId?: string;
  unitId?: string;
  state?: ReportState;
  scope?: 'mine' | 'all';
  late?: 'true' | 'false';
}

/** What a reminder did: reports reminded, people newly notified (0 when already reminded today). */
export interface RemindResult {
  reports: number;
  notified: number;
}

export type EvidenceMeta = ReportLine['evidence'][number];

const query = (f: object): Record<string, QueryValue> => f as Record<string, QueryValue>;

export function fetchCycles(page: number, pageSize: number, year?: number): Promise<Page<ReportCycle>> {
  return api<Page<ReportCycle>>('/report-cycles', { query: { page, pageSize, year } });
}

export function fetchCycle(id: string): Promise<ReportCycle> {
  return api<ReportCycle>(`/report-cycles/${id}`);
}

export function createCycle(body: CreateCycleBody): Promise<ReportCycle> {
  return api<ReportCycle>('/report-cycles', { method: 'POST', body });
}

export function updateCycle(id: string, body: UpdateCycleBody): Promise<ReportCycle> {
  return api<ReportCycle>(`/report-cycles/${id}`, { method: 'PATCH', body });
}

export function closeCycle(id: string, version: number): Promise<ReportCycle> {
  return api<ReportCycle>(`/report-cycles/${id}/close`, { method: 'POST', body: { version } });
}

export function remindCycle(id: string): Promise<RemindResult> {
  return api<RemindResult>(`/report-cycles/${id}/remind`, { method: 'POST' });
}

export function fetchReports(filters: ReportFilters, page: number, pageSize: number): Promise<Page<UnitReport>> {
  return api<Page<UnitReport>>('/reports', { query: query({ ...filters, page, pageSize }) });
}

export function fetchReport(id: string): Promise<ReportDetail> {
  return api<ReportDetail>(`/reports/${id}`);
}

export function putLine(reportId: string, lineId: string, body: PutLineBody): Promise<ReportLine> {
  return api<ReportLine>(`/reports/${reportId}/lines/${lineId}`, { method: 'PUT', body });
}

/** The steps that carry only the version read: submit, approve, accept. */
export type SimpleStep = 'submit' | 'approve' | 'accept';

/** A step answers the report's summary (state, version, dates, counts); the lines come from fetchReport. */
export function stepReport(id: string, step: SimpleStep, version: number): Promise<UnitReport> {
  return api<UnitReport>(`/reports/${id}/${step}`, { method: 'POST', body: { version } });
}

export function returnReport(id: string, body: ReturnReportBody): Promise<UnitReport> {
  return api<UnitReport>(`/reports/${id}/return`, { method: 'POST', body });
}

export function reopenReport(id: string, body: ReopenReportBody): Promise<UnitReport> {
  return api<UnitReport>(`/reports/${id}/reopen`, { method: 'POST', body });
}

export function remindReport(id: string): Promise<RemindResult> {
  return api<RemindResult>(`/reports/${id}/remind`, { method: 'POST' });
}

export function uploadEvidence(reportId: string, lineId: string, file: File): Promise<EvidenceMeta> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<EvidenceMeta>(`/reports/${reportId}/lines/${lineId}/evidence`, { method: 'POST', form });
}

export function deleteEvidence(fileId: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/report-files/${fileId}`, { method: 'DELETE' });
}

export function evidenceUrl(fileId: string): string {
  return downloadUrl(`/report-files/${fileId}`);
}

export function workbookUrl(reportId: string): string {
  return downloadUrl(`/reports/${reportId}/workbook`);
}

export function importReport(reportId: string, file: File): Promise<ReportImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ReportImportResult>(`/reports/${reportId}/import`, { method: 'POST', form });
}
