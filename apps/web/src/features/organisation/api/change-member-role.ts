import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Member, OrganisationRole } from '../../../lib/types';

/** PATCH /api/organisations/:id/members/:membershipId */
export function changeMemberRole(organisationId: string, membershipId: string, role: OrganisationRole): Promise<Member> {
  return api.patch<Member>(
    `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(membershipId)}`,
    { role },
  );
}

export function useChangeMemberRole(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: OrganisationRole }) =>
      changeMemberRole(organisationId, membershipId, role),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.members(organisationId) }),
  });
}
