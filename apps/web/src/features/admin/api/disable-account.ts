import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

/** POST /api/accounts/:id/disable: no more sign-in, every open session ends. */
export function disableAccount(id: string): Promise<void> {
  return api.post<void>(`/accounts/${encodeURIComponent(id)}/disable`);
}

export function useDisableAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableAccount,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.accountsAll }),
  });
}
