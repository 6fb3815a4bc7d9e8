import type { CreateIndicatorBody, Indicator, IndicatorSeries, IndicatorValue, PutValueBody, UpdateIndicatorBody } from '@lantu/core';
import { api, downloadUrl } from '../../api/client';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface EvidenceMeta {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

/** The indicators of one plan or one item, each with its evaluation as of the business date. */
export function fetchIndicators(scope: { planId?: string; itemId?: string }): Promise<Page<Indicator>> {
  return api<Page<Indicator>>('/indicators', { query: { pageSize: 1000, ...scope } });
}

export function fetchIndicator(id: string): Promise<Indicator> {
  return api<Indicator>(`/indicators/${id}`);
}

export function createIndicator(itemId: string, body: CreateIndicatorBody): Promise<Indicator> {
  return api<Indicator>(`/items/${itemId}/indicators`, { method: 'POST', body });
}

export function updateIndicator(id: string, body: UpdateIndicatorBody): Promise<Indicator> {
  return api<Indicator>(`/indicators/${id}`, { method: 'PATCH', body });
}

export function deleteIndicator(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/indicators/${id}`, { method: 'DELETE' });
}

export function fetchSeries(id: string): Promise<IndicatorSeries> {
  return api<IndicatorSeries>(`/indicators/${id}/series`);
}

export function fetchValues(id: string): Promise<Page<IndicatorValue>> {
  return api<Page<IndicatorValue>>(`/indicators/${id}/values`);
}

/** Records or corrects one month (`2021-03`); correcting sends the version read. */
export function putValue(id: string, period: string, body: PutValueBody): Promise<IndicatorValue> {
  return api<IndicatorValue>(`/indicators/${id}/values/${period}`, { method: 'PUT', body });
}

export function deleteValue(id: string, period: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/indicators/${id}/values/${period}`, { method: 'DELETE' });
}

export function uploadEvidence(valueId: string, file: File): Promise<EvidenceMeta> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<EvidenceMeta>(`/indicator-values/${valueId}/evidence`, { method: 'POST', form });
}

export function evidenceUrl(evidenceId: string): string {
  return downloadUrl(`/evidence/${evidenceId}`);
}
