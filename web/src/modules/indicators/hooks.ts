import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateIndicatorBody, PutValueBody, UpdateIndicatorBody } from '@lantu/core';
import * as indicatorsApi from './api';

export const INDICATORS_KEY = ['indicators'] as const;
/** Values move roll-ups: plan and item queries (owned by the plans module) refresh too. */
const PLANS_KEY = ['plans'] as const;

export function useIndicators(scope: { planId?: string; itemId?: string }) {
  return useQuery({
    queryKey: [...INDICATORS_KEY, 'list', scope],
    queryFn: () => indicatorsApi.fetchIndicators(scope),
    enabled: Boolean(scope.planId ?? scope.itemId),
  });
}

export function useIndicator(id: string | undefined) {
  return useQuery({ queryKey: [...INDICATORS_KEY, 'one', id], queryFn: () => indicatorsApi.fetchIndicator(id ?? ''), enabled: Boolean(id) });
}

export function useSeries(id: string | undefined) {
  return useQuery({ queryKey: [...INDICATORS_KEY, 'series', id], queryFn: () => indicatorsApi.fetchSeries(id ?? ''), enabled: Boolean(id) });
}

export function useValues(id: string | undefined) {
  return useQuery({ queryKey: [...INDICATORS_KEY, 'values', id], queryFn: () => indicatorsApi.fetchValues(id ?? ''), enabled: Boolean(id) });
}

/** Every indicator mutation refreshes indicators and plans afterwards, also after a version conflict. */
function useIndicatorMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: INDICATORS_KEY });
      await qc.invalidateQueries({ queryKey: PLANS_KEY });
    },
  });
}

export function useCreateIndicator() {
  return useIndicatorMutation(({ itemId, body }: { itemId: string; body: CreateIndicatorBody }) => indicatorsApi.createIndicator(itemId, body));
}

export function useUpdateIndicator() {
  return useIndicatorMutation(({ id, body }: { id: string; body: UpdateIndicatorBody }) => indicatorsApi.updateIndicator(id, body));
}

export function useDeleteIndicator() {
  return useIndicatorMutation((id: string) => indicatorsApi.deleteIndicator(id));
}

export interface SaveValueVars {
  indicatorId: string;
  period: string;
  body: PutValueBody;
  /** Evidence files to attach once the value is stored. */
  files: File[];
}

export interface SaveValueResult {
  valueId: string;
  /** Files the server refused (type not accepted, too large …), with the error. */
  failed: { name: string; error: unknown }[];
}

/** Stores a month's value, then uploads its evidence files one by one. */
export function useSaveValue() {
  return useIndicatorMutation(async ({ indicatorId, period, body, files }: SaveValueVars): Promise<SaveValueResult> => {
    const saved = await indicatorsApi.putValue(indicatorId, period, body);
    const failed: SaveValueResult['failed'] = [];
    for (const file of files) {
      try {
        await indicatorsApi.uploadEvidence(saved.id, file);
      } catch (error) {
        failed.push({ name: file.name, error });
      }
    }
    return { valueId: saved.id, failed };
  });
}

export function useDeleteValue() {
  return useIndicatorMutation(({ indicatorId, period }: { indicatorId: string; period: string }) => indicatorsApi.deleteValue(indicatorId, period));
}
