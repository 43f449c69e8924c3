import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Invitation } from '../../../lib/types';

/** POST /api/invitations: a volunteer or co-leader for this organisation. */
export function createInvitation(body: InvitationCreate): Promise<Invitation> {
  return api.post<Invitation>('/invitations', body);
}

export function useCreateInvitation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.invitations(organisationId) }),
  });
}
