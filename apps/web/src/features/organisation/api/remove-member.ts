import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** DELETE /api/organisations/:id/members/:membershipId */
export function removeMember(organisationId: string, membershipId: string): Promise<void> {
  return api.delete(`/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(membershipId)}`);
}

export function useRemoveMember(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => removeMember(organisationId, membershipId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.members(organisationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisation(organisationId) });
    },
  });
}
