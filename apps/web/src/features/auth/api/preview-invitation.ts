import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { InvitationPreview } from '../../../lib/types';

/** POST /api/invitations/preview: who invites whom, before the person picks a password. */
export function previewInvitation(token: string): Promise<InvitationPreview> {
  return api.post<InvitationPreview>('/invitations/preview', { token });
}

export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitations', 'preview', token],
    queryFn: () => previewInvitation(token),
    staleTime: Infinity,
  });

export function useInvitationPreview(token: string) {
  return useQuery({ ...invitationPreviewQueryOptions(token), enabled: token.length > 0 });
}
