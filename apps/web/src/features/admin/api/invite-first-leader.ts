import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** POST /api/invitations with role ORG_LEADER: the e-mail that lets the first leader in. */
export function inviteFirstLeader(body: { organisationId: string; email: string; language: InvitationCreate['language'] }) {
  return api.post<unknown>('/invitations', { ...body, role: 'ORG_LEADER' });
}

export function useInviteFirstLeader() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteFirstLeader,
    onSuccess: (_, body) => void queryClient.invalidateQueries({ queryKey: queryKeys.invitations(body.organisationId) }),
  });
}
