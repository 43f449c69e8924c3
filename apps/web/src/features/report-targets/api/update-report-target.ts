import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportTarget, ReportTargetUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { reportTargetsKey } from '../../../api/get-report-targets';

/** PATCH /api/report-targets/:id */
export function updateReportTarget(input: { id: string; body: ReportTargetUpdate }): Promise<ReportTarget> {
  return api.patch<ReportTarget>(`/report-targets/${encodeURIComponent(input.id)}`, input.body);
}

export function useUpdateReportTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReportTarget,
    onSuccess: (updated) => void queryClient.invalidateQueries({ queryKey: reportTargetsKey(updated.networkId) }),
  });
}
