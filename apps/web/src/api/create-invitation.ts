import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationCreate } from '@tadamon/shared';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import type { Invitation } from '../lib/types';

/**
 * POST /api/invitations: a coordinator invites an organisation's leader, a leader a volunteer or
 * co-leader; the organisation's pending list is refreshed either way.
 */
export function createInvitation(body: InvitationCreate): Promise<Invitation> {
  return api.post<Invitation>('/invitations', body);
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: (invitation) => {
      if (invitation.organisationId) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.invitations(invitation.organisationId) });
      }
    },
  });
}
