import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as securityApi from './api';

const POLICY_KEY = ['security', 'policy'] as const;

export function usePolicy() {
  return useQuery({ queryKey: POLICY_KEY, queryFn: securityApi.fetchPolicy });
}

export function useUpdatePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: securityApi.updatePolicy,
    onSuccess: (policy) => qc.setQueryData(POLICY_KEY, policy),
    onError: () => qc.invalidateQueries({ queryKey: POLICY_KEY }),
  });
}
