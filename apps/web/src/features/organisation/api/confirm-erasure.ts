import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { erasureRequestsKey } from './get-erasure-requests';

/** POST /api/erasure-requests/:id/confirm: erases the member's account (cannot be undone). */
export function confirmErasure(requestId: string): Promise<void> {
  return api.post(`/erasure-requests/${encodeURIComponent(requestId)}/confirm`);
}

export function useConfirmErasure(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmErasure,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: erasureRequestsKey(organisationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.members(organisationId) });
    },
  });
}
