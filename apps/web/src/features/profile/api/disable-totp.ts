import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TotpDisable } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { totpStatusKey } from './get-totp-status';

/** POST /api/auth/totp/disable: needs the password and a code. */
export function disableTotp(body: TotpDisable): Promise<void> {
  return api.post<void>('/auth/totp/disable', body);
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpStatusKey }),
  });
}
