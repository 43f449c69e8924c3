import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';
import type { OrganisationDetail } from './types';

/**
 * GET /api/organisations/:id — several features show an organisation (home, contact page,
 * members page), so the query lives here, shared, and its cache entry is one for all.
 */
export function getOrganisation(id: string): Promise<OrganisationDetail> {
  return api.get<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`);
}

export const organisationQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.organisation(id), queryFn: () => getOrganisation(id) });

/** `null` while the id is not known yet: the query waits instead of asking for nothing. */
export function useOrganisation(id: string | null) {
  return useQuery({ ...organisationQueryOptions(id ?? ''), enabled: !!id });
}
