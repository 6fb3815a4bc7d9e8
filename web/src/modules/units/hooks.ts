import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitBody, UpdateUnitBody } from '@lantu/core';
import * as unitsApi from './api';
import { buildUnitTree } from './tree';

export const UNITS_KEY = ['units'] as const;

export function useUnits() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: unitsApi.fetchUnits });
}

/** The units as a sorted tree, plus the flat list. */
export function useUnitTree() {
  const query = useUnits();
  const items = query.data?.items;
  const tree = useMemo(() => (items ? buildUnitTree(items) : []), [items]);
  return { ...query, items: items ?? [], tree };
}

/** Every unit mutation reloads the list afterwards, so a version conflict shows fresh data. */
function useUnitMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

export function useCreateUnit() {
  return useUnitMutation((body: CreateUnitBody) => unitsApi.createUnit(body));
}

export function useUpdateUnit() {
  return useUnitMutation(({ id, body }: { id: string; body: UpdateUnitBody }) => unitsApi.updateUnit(id, body));
}

export function useDeleteUnit() {
  return useUnitMutation((id: string) => unitsApi.deleteUnit(id));
}
