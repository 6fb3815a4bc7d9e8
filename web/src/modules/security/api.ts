import type { Policy } from '@lantu/core';
import { api } from '../../api/client';

export interface PolicyResponse extends Policy {
  version: number;
  updatedAt: string | null;
}

export function fetchPolicy(): Promise<PolicyResponse> {
  return api<PolicyResponse>('/security/policy');
}

export function updatePolicy(body: Policy & { version: number }): Promise<PolicyResponse> {
  return api<PolicyResponse>('/security/policy', { method: 'PUT', body });
}
