import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkStats } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/networks/:id/stats: organisations by country and type, active members. */
export function getNetworkStats(networkId: string): Promise<NetworkStats> {
  return api.get(`/networks/${networkId}/stats`);
}

export const networkStatsQueryOptions = (networkId: string) =>
  queryOptions({
    queryKey: ['networks', networkId, 'stats'],
    queryFn: () => getNetworkStats(networkId),
    staleTime: 5 * 60_000,
  });

export function useNetworkStats(networkId: string) {
  return useQuery(networkStatsQueryOptions(networkId));
}
