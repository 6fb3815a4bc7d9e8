import { api } from '../../api/client';

/** GET /zone answer (the contract has no zod schema for it yet). */
export interface Zone {
  id: string;
  code: string;
  name: string;
  isDemo: boolean;
  asOfDate: string;
}

export function fetchZone(): Promise<Zone> {
  return api<Zone>('/zone');
}
