import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecoveryCodes, RecoveryCodesRegenerate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { totpStatusKey } from './get-totp-status';

/** POST /api/auth/totp/recovery-codes: ten new codes (shown once) replace the old ones. */
export function regenerateRecoveryCodes(body: RecoveryCodesRegenerate): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/auth/totp/recovery-codes', body);
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpStatusKey }),
  });
}
