import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Network } from '../../../lib/types';

/** GET /api/networks: where a coordinator may publish network-wide material. */
export function getNetworks(): Promise<{ items: Network[] }> {
  return api.get<{ items: Network[] }>('/networks');
}

export function useNetworks() {
  return useQuery(queryOptions({ queryKey: queryKeys.networks, queryFn: getNetworks, staleTime: 5 * 60_000 }));
}
