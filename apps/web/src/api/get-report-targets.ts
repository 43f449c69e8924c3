import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportTarget } from '@tadamon/shared';
import { api } from '../lib/api-client';

export const reportTargetsKey = (networkId: string) => ['networks', networkId, 'report-targets'] as const;

/** GET /api/networks/:networkId/report-targets: the network's targets (its coordinators and leaders). */
export function getReportTargets(networkId: string): Promise<{ items: ReportTarget[] }> {
  return api.get<{ items: ReportTarget[] }>(`/networks/${encodeURIComponent(networkId)}/report-targets`);
}

export const reportTargetsQueryOptions = (networkId: string) =>
  queryOptions({ queryKey: reportTargetsKey(networkId), queryFn: () => getReportTargets(networkId) });

export function useReportTargets(networkId: string | null) {
  return useQuery({ ...reportTargetsQueryOptions(networkId ?? ''), enabled: !!networkId });
}
