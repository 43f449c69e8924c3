import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { demographicsKey } from './get-demographics';

/** DELETE /api/me/demographics: withdraws consent; the answers are deleted. */
export function withdrawDemographics(): Promise<void> {
  return api.delete('/me/demographics');
}

export function useWithdrawDemographics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawDemographics,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: demographicsKey }),
  });
}
