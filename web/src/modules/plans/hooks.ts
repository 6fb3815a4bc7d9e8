import { useMemo } from 'react';
import { keepPreviousData, queryOptions, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateItemBody, CreatePlanBody, MoveItemBody, UpdateItemBody, UpdatePlanBody } from '@lantu/core';
import * as plansApi from './api';
import { buildItemTree } from './tree';

export const PLANS_KEY = ['plans'] as const;
/** Indicator queries hold roll-up results too; plan changes refresh them (key owned by the indicators module). */
const INDICATORS_KEY = ['indicators'] as const;

export function usePlans() {
  return useQuery({ queryKey: [...PLANS_KEY, 'list'], queryFn: plansApi.fetchPlans });
}

/** The query of one plan with its roll-up (shared by the page and its prefetch). */
function planQuery(id: string | undefined, preview?: plansApi.ItemPreview) {
  return queryOptions({ queryKey: [...PLANS_KEY, 'one', id, preview ?? 'accepted'], queryFn: () => plansApi.fetchPlan(id ?? '', preview) });
}

/** The query of a plan's items, filtered and optionally previewed (shared by the page and its prefetch). */
function itemsQuery(planId: string | undefined, filters: plansApi.ItemFilters, preview?: plansApi.ItemPreview) {
  return queryOptions({ queryKey: [...PLANS_KEY, 'items', planId, filters, preview ?? 'accepted'], queryFn: () => plansApi.fetchItems(planId ?? '', filters, preview) });
}

/**
 * Starts loading what the plan page shows first (the plan, its whole tree and the filtered view of
 * the URL), so the requests run while the page's code is still on its way. The tree is asked for
 * once the plan has answered: both come from the same evaluation of the plan, which the server
 * then holds, instead of two requests computing it side by side.
 */
export function prefetchPlanPage(qc: QueryClient, planId: string, search: URLSearchParams): void {
  const filters = plansApi.filtersFromSearch(search);
  const preview = plansApi.previewFromSearch(search);
  // Only what is not in the cache yet: refreshing what is there stays with the page's queries.
  const plan = qc.ensureQueryData(planQuery(planId, preview));
  plan.catch(() => undefined); // the page shows the plan's error
  const afterPlan = (query: ReturnType<typeof itemsQuery>) => {
    if (qc.getQueryData(query.queryKey) !== undefined) return;
    const fetchItems = query.queryFn!;
    void qc.prefetchQuery({
      ...query,
      // no plan (missing, not visible): no tree either, and no request for it
      queryFn: async (ctx) => {
        await plan;
        return fetchItems(ctx);
      },
      retry: false,
    });
  };
  afterPlan(itemsQuery(planId, {}, preview));
  if (Object.keys(filters).length > 0) afterPlan(itemsQuery(planId, filters, preview));
}

/** One plan; `preview` shows its overall progress with the figures in review, as the page's items. */
export function usePlan(id: string | undefined, preview?: plansApi.ItemPreview) {
  return useQuery({
    ...planQuery(id, preview),
    enabled: Boolean(id),
    // toggling the preview keeps the page on screen while the other roll-up loads
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
}

/** A plan's items (filtered, optionally previewed with the figures in review), flat in tree order and as a tree. */
export function usePlanItems(planId: string | undefined, filters: plansApi.ItemFilters = {}, preview?: plansApi.ItemPreview) {
  const query = useQuery({
    ...itemsQuery(planId, filters, preview),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items;
  const tree = useMemo(() => (items ? buildItemTree(items) : []), [items]);
  return { ...query, items: items ?? [], tree };
}

export function useItem(id: string | undefined) {
  return useQuery({ queryKey: [...PLANS_KEY, 'item', id], queryFn: () => plansApi.fetchItem(id ?? ''), enabled: Boolean(id) });
}

/** Several items by id (aligned strategic items on an annual item's page). */
export function useItemsById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: [...PLANS_KEY, 'item', id], queryFn: () => plansApi.fetchItem(id) })),
  });
}

export function useItemHistory(id: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'history', id, page, pageSize],
    queryFn: () => plansApi.fetchItemHistory(id ?? '', page, pageSize),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

/** Every plan mutation refreshes plans, items and indicators afterwards (roll-ups move), also after a conflict. */
function usePlanMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: PLANS_KEY });
      await qc.invalidateQueries({ queryKey: INDICATORS_KEY });
    },
  });
}

export function useCreatePlan() {
  return usePlanMutation((body: CreatePlanBody) => plansApi.createPlan(body));
}

export function useUpdatePlan() {
  return usePlanMutation(({ id, body }: { id: string; body: UpdatePlanBody }) => plansApi.updatePlan(id, body));
}

export function useCreateItem() {
  return usePlanMutation(({ planId, body }: { planId: string; body: CreateItemBody }) => plansApi.createItem(planId, body));
}

export function useUpdateItem() {
  return usePlanMutation(({ id, body }: { id: string; body: UpdateItemBody }) => plansApi.updateItem(id, body));
}

export function useMoveItem() {
  return usePlanMutation(({ id, body }: { id: string; body: MoveItemBody }) => plansApi.moveItem(id, body));
}

export function useDeleteItem() {
  return usePlanMutation((id: string) => plansApi.deleteItem(id));
}

export function useImportWorkbook() {
  return usePlanMutation(({ planId, kind, file }: { planId: string; kind: plansApi.ImportKind; file: File }) =>
    plansApi.importWorkbook(planId, kind, file),
  );
}
