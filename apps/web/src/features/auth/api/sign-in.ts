import { useMutation } from '@tanstack/react-query';
import type { SignInRequest } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { useSetSession, type Session } from '../../../lib/session';

/** POST /api/auth/sign-in: sets the session cookie and answers the session. */
export function signIn(body: SignInRequest): Promise<Session> {
  return api.post<Session>('/auth/sign-in', body);
}

export function useSignIn() {
  const setSession = useSetSession();
  return useMutation({ mutationFn: signIn, onSuccess: (session) => setSession(session) });
}
