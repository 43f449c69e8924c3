import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export interface Period {
  from?: string;
  to?: string;
}

/** GET /api/networks/:networkId/dashboard (the network's coordinators) */
export function getNetworkDashboard(networkId: string, period: Period): Promise<Dashboard> {
  return api.get<Dashboard>(`/networks/${encodeURIComponent(networkId)}/dashboard`, { query: { ...period } });
}

export function useNetworkDashboard(networkId: string | null, period: Period) {
  return useQuery({
    queryKey: ['reports', 'dashboard', 'network', networkId, period.from ?? null, period.to ?? null],
    queryFn: () => getNetworkDashboard(networkId!, period),
    enabled: !!networkId,
    placeholderData: keepPreviousData,
  });
}

/** The CSV or PDF of the same dashboard, in `language`. */
export function networkReportUrl(networkId: string, format: 'csv' | 'pdf', period: Period, language: string): string {
  const query = new URLSearchParams({ language, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
  return `/api/networks/${encodeURIComponent(networkId)}/dashboard.${format}?${query}`;
}
