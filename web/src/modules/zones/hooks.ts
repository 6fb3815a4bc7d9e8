import { useQuery } from '@tanstack/react-query';
import { fetchZone } from './api';

export function useZone() {
  return useQuery({ queryKey: ['zone'], queryFn: fetchZone, staleTime: 10 * 60_000 });
}
