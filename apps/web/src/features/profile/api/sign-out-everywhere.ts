import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useSetSession } from '../../../lib/session';

/** POST /api/auth/sign-out-everywhere: ends every session, this one too. */
export function signOutEverywhere(): Promise<void> {
  return api.post<void>('/auth/sign-out-everywhere');
}

export function useSignOutEverywhere() {
  const setSession = useSetSession();
  return useMutation({ mutationFn: signOutEverywhere, onSuccess: () => setSession(null) });
}
