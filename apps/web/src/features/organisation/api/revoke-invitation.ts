import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** DELETE /api/invitations/:id: the link in the e-mail stops working. */
export function revokeInvitation(id: string): Promise<void> {
  return api.delete(`/invitations/${encodeURIComponent(id)}`);
}

export function useRevokeInvitation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organisationId) }),
  });
}
