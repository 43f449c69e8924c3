import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/organisations/:id/members: the people a leader may name as delegates. */
export function getMembers(organisationId: string): Promise<{ items: Member[] }> {
  return api.get(`/organisations/${encodeURIComponent(organisationId)}/members`);
}

export const membersQueryOptions = (organisationId: string) =>
  queryOptions({ queryKey: ['organisations', organisationId, 'members'], queryFn: () => getMembers(organisationId) });

export function useMembers(organisationId: string) {
  return useQuery(membersQueryOptions(organisationId));
}
