import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportTargetsKey } from '../../../api/get-report-targets';

/** DELETE /api/report-targets/:id */
export function deleteReportTarget(input: { id: string; networkId: string }): Promise<void> {
  return api.delete(`/report-targets/${encodeURIComponent(input.id)}`);
}

export function useDeleteReportTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReportTarget,
    onSuccess: (_, input) => void queryClient.invalidateQueries({ queryKey: reportTargetsKey(input.networkId) }),
  });
}
