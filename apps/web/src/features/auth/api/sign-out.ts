import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/auth/sign-out: ends this device's session. */
export function signOut(): Promise<void> {
  return api.post<void>('/auth/sign-out');
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
