import type { CreateUnitBody, Unit, UpdateUnitBody } from '@lantu/core';
import { api } from '../../api/client';

export interface UnitList {
  items: Unit[];
  total: number;
}

export function fetchUnits(): Promise<UnitList> {
  return api<UnitList>('/units');
}

export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return api<Unit>('/units', { method: 'POST', body });
}

export function updateUnit(id: string, body: UpdateUnitBody): Promise<Unit> {
  return api<Unit>(`/units/${id}`, { method: 'PATCH', body });
}

export function deleteUnit(id: string): Promise<void> {
  return api<void>(`/units/${id}`, { method: 'DELETE' });
}
