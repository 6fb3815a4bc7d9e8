import {
  STATUSES,
  type AuditEvent,
  type CreateItemBody,
  type CreatePlanBody,
  type ImportResult,
  type MoveItemBody,
  type Plan,
  type PlanItem,
  type Status,
  type UpdateItemBody,
  type UpdatePlanBody,
} from '@lantu/core';
import { api, downloadUrl } from '../../api/client';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The plan page's filters; they live in the URL query. */
export interface ItemFilters {
  focusId?: string;
  unitId?: string;
  status?: Status;
  q?: string;
}

export const FILTER_KEYS = ['focusId', 'unitId', 'status', 'q'] as const;

/** The filters of a plan page URL (`?status=red&q=项目`); unknown statuses are ignored. */
export function filtersFromSearch(params: URLSearchParams): ItemFilters {
  const out: ItemFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (!v) continue;
    if (k === 'status') {
      if ((STATUSES as readonly string[]).includes(v)) out.status = v as Status;
    } else out[k] = v;
  }
  return out;
}

export function fetchPlans(): Promise<Page<Plan>> {
  return api<Page<Plan>>('/plans');
}

/** One plan with its roll-up; optionally previewed with the figures in review, like its items. */
export function fetchPlan(id: string, preview?: ItemPreview): Promise<Plan> {
  return api<Plan>(`/plans/${id}`, { query: { preview } });
}

export function createPlan(body: CreatePlanBody): Promise<Plan> {
  return api<Plan>('/plans', { method: 'POST', body });
}

export function updatePlan(id: string, body: UpdatePlanBody): Promise<Plan> {
  return api<Plan>(`/plans/${id}`, { method: 'PATCH', body });
}

/** `submitted`: statuses as if the reports in review were accepted (a preview, never the record). */
export type ItemPreview = 'submitted';

/** The preview a plan page URL asks for (`?preview=submitted`). */
export function previewFromSearch(params: URLSearchParams): ItemPreview | undefined {
  return params.get('preview') === 'submitted' ? 'submitted' : undefined;
}

/** The whole tree (the API's page size goes up to 5000 rows), in tree order, filtered; optionally previewed. */
export function fetchItems(planId: string, filters: ItemFilters, preview?: ItemPreview): Promise<Page<PlanItem>> {
  return api<Page<PlanItem>>(`/plans/${planId}/items`, { query: { pageSize: 5000, ...filters, preview } });
}

export function fetchItem(id: string): Promise<PlanItem> {
  return api<PlanItem>(`/items/${id}`);
}

export function createItem(planId: string, body: CreateItemBody): Promise<PlanItem> {
  return api<PlanItem>(`/plans/${planId}/items`, { method: 'POST', body });
}

export function updateItem(id: string, body: UpdateItemBody): Promise<PlanItem> {
  return api<PlanItem>(`/items/${id}`, { method: 'PATCH', body });
}

export function moveItem(id: string, body: MoveItemBody): Promise<PlanItem> {
  return api<PlanItem>(`/items/${id}/move`, { method: 'POST', body });
}

export function deleteItem(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/items/${id}`, { method: 'DELETE' });
}

export function fetchItemHistory(id: string, page: number, pageSize: number): Promise<Page<AuditEvent>> {
  return api<Page<AuditEvent>>(`/items/${id}/history`, { query: { page, pageSize } });
}

/** Which part of a plan a workbook carries: the item tree with indicators, or monthly values. */
export type ImportKind = 'items' | 'values';

export function importWorkbook(planId: string, kind: ImportKind, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportResult>(`/plans/${planId}/import`, { method: 'POST', query: { kind }, form });
}

export function planExportUrl(planId: string): string {
  return downloadUrl(`/plans/${planId}/export`);
}

export function planTemplateUrl(planId: string, kind: ImportKind): string {
  return downloadUrl(`/plans/${planId}/template`, { kind });
}
