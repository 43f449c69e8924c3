import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import type { Member } from '../lib/types';

/** GET /api/organisations/:id/members: the members screen, delegates of a meeting answer, people an assessor may certify. */
export function getMembers(organisationId: string): Promise<{ items: Member[] }> {
  return api.get<{ items: Member[] }>(`/organisations/${encodeURIComponent(organisationId)}/members`);
}

export const membersQueryOptions = (organisationId: string) =>
  queryOptions({ queryKey: queryKeys.members(organisationId), queryFn: () => getMembers(organisationId) });

/** Nothing is fetched while `organisationId` is empty. */
export function useMembers(organisationId: string | null | undefined) {
  return useQuery({ ...membersQueryOptions(organisationId ?? ''), enabled: !!organisationId });
}
