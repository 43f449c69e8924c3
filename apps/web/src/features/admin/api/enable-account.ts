import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

/** POST /api/accounts/:id/enable: the person may sign in again, memberships intact. */
export function enableAccount(id: string): Promise<void> {
  return api.post<void>(`/accounts/${encodeURIComponent(id)}/enable`);
}

export function useEnableAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableAccount,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.accountsAll }),
  });
}
