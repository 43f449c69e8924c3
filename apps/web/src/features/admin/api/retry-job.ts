import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

/** POST /api/admin/jobs/:id/retry: queue a failed job again once its cause is fixed. */
export function retryJob(id: string): Promise<void> {
  return api.post<void>(`/admin/jobs/${encodeURIComponent(id)}/retry`);
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.failedJobs }),
  });
}
