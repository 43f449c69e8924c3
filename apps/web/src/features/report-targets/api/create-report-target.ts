import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportTarget, ReportTargetCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { reportTargetsKey } from '../../../api/get-report-targets';

/** POST /api/networks/:networkId/report-targets */
export function createReportTarget(input: { networkId: string; body: ReportTargetCreate }): Promise<ReportTarget> {
  return api.post<ReportTarget>(`/networks/${encodeURIComponent(input.networkId)}/report-targets`, input.body);
}

export function useCreateReportTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReportTarget,
    onSuccess: (created) => void queryClient.invalidateQueries({ queryKey: reportTargetsKey(created.networkId) }),
  });
}
