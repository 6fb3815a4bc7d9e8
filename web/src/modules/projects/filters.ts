import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_SORTS, PROJECT_STAGES, PROJECT_STATUSES } from '@lantu/core';
import type { ProjectFilters, ProjectPaging } from './api';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

const positive = (v: string | null, fallback: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
};

/** The filters a URL query carries; anything malformed is ignored rather than sent to the API. */
export function filtersFrom(params: URLSearchParams): ProjectFilters {
  const out: ProjectFilters = {};
  const q = params.get('q')?.trim();
  if (q) out.q = q;
  const category = oneOf(PROJECT_CATEGORIES, params.get('category'));
  if (category) out.category = category;
  const stage = oneOf(PROJECT_STAGES, params.get('stage'));
  if (stage) out.stage = stage;
  const batch = oneOf(PROJECT_BATCHES, params.get('batch'));
  if (batch) out.batch = batch;
  const status = oneOf(PROJECT_STATUSES, params.get('status'));
  if (status) out.status = status;
  const unitId = params.get('unitId');
  if (unitId && /^[0-9a-f-]{36}$/i.test(unitId)) out.unitId = unitId;
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  if (params.get('overdue') === 'true') out.overdue = 'true';
  return out;
}

function toParams(filters: ProjectFilters, paging?: Partial<ProjectPaging>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...paging })) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  return p;
}

/** The same filters as a query string for a link between the list and the map ("?category=industry"). */
export function filterSearch(filters: ProjectFilters): string {
  const text = toParams(filters).toString();
  return text ? `?${text}` : '';
}

export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * Filters, paging and sort in the URL query, so a filtered view can be shared and survives a
 * reload. Changing a filter goes back to page 1.
 */
export function useProjectQueryInUrl() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const paging = useMemo<ProjectPaging>(
    () => ({
      page: positive(params.get('page'), 1, 100_000),
      pageSize: positive(params.get('pageSize'), PAGE_SIZES[0], 200),
      sort: oneOf(PROJECT_SORTS, params.get('sort')),
      order: oneOf(['asc', 'desc'] as const, params.get('order')),
    }),
    [params],
  );
  const setFilters = (next: ProjectFilters) => setParams(toParams(next, { pageSize: paging.pageSize === PAGE_SIZES[0] ? undefined : paging.pageSize, sort: paging.sort, order: paging.order }), { replace: true });
  const setPaging = (next: Partial<ProjectPaging>) => {
    const merged = { ...paging, ...next };
    setParams(toParams(filters, { ...merged, page: merged.page === 1 ? undefined : merged.page, pageSize: merged.pageSize === PAGE_SIZES[0] ? undefined : merged.pageSize }), { replace: true });
  };
  return { filters, paging, setFilters, setPaging };
}
