import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ErasureRequest } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { erasureRequestKey } from './get-erasure-request';

/** POST /api/me/erasure-request: asks for the account to be erased (a leader confirms). */
export function requestErasure(): Promise<{ request: ErasureRequest }> {
  return api.post<{ request: ErasureRequest }>('/me/erasure-request');
}

export function useRequestErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestErasure,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: erasureRequestKey }),
  });
}
