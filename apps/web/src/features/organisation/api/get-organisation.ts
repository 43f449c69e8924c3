import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OrganisationDetail } from '../../../lib/types';

/** GET /api/organisations/:id: the heading of the members page. */
export function getOrganisation(id: string): Promise<OrganisationDetail> {
  return api.get<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`);
}

export const organisationQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.organisation(id), queryFn: () => getOrganisation(id) });

export function useOrganisation(id: string) {
  return useQuery(organisationQueryOptions(id));
}
