import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import type { Invitation } from '../lib/types';

/** GET /api/organisations/:id/invitations: the pending ones (home, members screen). */
export function getInvitations(organisationId: string): Promise<{ items: Invitation[] }> {
  return api.get<{ items: Invitation[] }>(`/organisations/${encodeURIComponent(organisationId)}/invitations`);
}

export const invitationsQueryOptions = (organisationId: string) =>
  queryOptions({ queryKey: queryKeys.invitations(organisationId), queryFn: () => getInvitations(organisationId) });

export function useInvitations(organisationId: string | null) {
  return useQuery({ ...invitationsQueryOptions(organisationId ?? ''), enabled: !!organisationId });
}
