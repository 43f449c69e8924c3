import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member, OrganisationSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/organisations/:id/members — the people an assessor may certify. */
export function getOrganisationMembers(organisationId: string): Promise<{ items: Member[] }> {
  return api.get<{ items: Member[] }>(`/organisations/${encodeURIComponent(organisationId)}/members`);
}

export function useOrganisationMembers(organisationId: string | null) {
  return useQuery({
    ...queryOptions({
      queryKey: ['organisations', organisationId ?? '', 'members'],
      queryFn: () => getOrganisationMembers(organisationId ?? ''),
    }),
    enabled: !!organisationId,
  });
}

/** GET /api/directory?networkId=… (first 100): organisations a coordinator may assess in. */
export function useNetworkOrganisations(networkId: string | null) {
  return useQuery({
    queryKey: ['directory', { networkId, limit: 100, for: 'certificates' }],
    queryFn: () => api.get<{ items: OrganisationSummary[] }>('/directory', { query: { networkId, limit: 100 } }),
    enabled: !!networkId,
  });
}
