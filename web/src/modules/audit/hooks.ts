import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import * as auditApi from './api';

export function useAuditEvents(params: auditApi.AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => auditApi.fetchAuditEvents(params),
    placeholderData: keepPreviousData,
  });
}

/** Verifying walks the whole chain, so it runs on demand (a GET, but not a cached list). */
export function useVerifyChain() {
  return useMutation({ mutationFn: auditApi.verifyChain });
}
