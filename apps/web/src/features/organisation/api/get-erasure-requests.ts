import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PendingErasure } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const erasureRequestsKey = (organisationId: string) => ['organisations', organisationId, 'erasure-requests'] as const;

/** GET /api/organisations/:id/erasure-requests: members who asked for their account to be erased. */
export function getErasureRequests(organisationId: string): Promise<{ items: PendingErasure[] }> {
  return api.get<{ items: PendingErasure[] }>(`/organisations/${encodeURIComponent(organisationId)}/erasure-requests`);
}

export const erasureRequestsQueryOptions = (organisationId: string) =>
  queryOptions({ queryKey: erasureRequestsKey(organisationId), queryFn: () => getErasureRequests(organisationId) });

export function useErasureRequests(organisationId: string, enabled: boolean) {
  return useQuery({ ...erasureRequestsQueryOptions(organisationId), enabled });
}
