import { useMutation } from '@tanstack/react-query';
import type { InvitationAccept } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { useSetSession, type Session } from '../../../lib/session';

/** POST /api/invitations/accept: creates the account (or adds the membership) and signs in. */
export function acceptInvitation(body: InvitationAccept): Promise<Session> {
  return api.post<Session>('/invitations/accept', body);
}

export function useAcceptInvitation() {
  const setSession = useSetSession();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (session) => setSession(session) });
}
