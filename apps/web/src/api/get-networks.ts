import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import type { Network } from '../lib/types';

/** GET /api/networks: the caller's networks with their organisation counts (home, directory filter, topics, where material may be published). */
export function getNetworks(): Promise<{ items: Network[] }> {
  return api.get<{ items: Network[] }>('/networks');
}

export const networksQueryOptions = queryOptions({ queryKey: queryKeys.networks, queryFn: getNetworks, staleTime: 5 * 60_000 });

export function useNetworks() {
  return useQuery(networksQueryOptions);
}
