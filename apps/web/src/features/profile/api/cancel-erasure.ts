import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { erasureRequestKey } from './get-erasure-request';

/** DELETE /api/me/erasure-request: withdraws the request before anyone confirmed it. */
export function cancelErasure(): Promise<void> {
  return api.delete('/me/erasure-request');
}

export function useCancelErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelErasure,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: erasureRequestKey }),
  });
}
