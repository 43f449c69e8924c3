import { useMutation } from '@tanstack/react-query';
import type { SetupCodeRedeem } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { useSetSession, type Session } from '../../../lib/session';

/** POST /api/auth/setup-code/redeem: spends the code, sets the PIN or password, signs in. */
export function redeemSetupCode(body: SetupCodeRedeem): Promise<Session> {
  return api.post<Session>('/auth/setup-code/redeem', body);
}

export function useRedeemSetupCode() {
  const setSession = useSetSession();
  return useMutation({ mutationFn: redeemSetupCode, onSuccess: (session) => setSession(session) });
}
