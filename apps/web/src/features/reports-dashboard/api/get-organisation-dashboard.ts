import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import type { Period } from './get-network-dashboard';

/** GET /api/organisations/:id/dashboard (its leaders; its network's coordinators) */
export function getOrganisationDashboard(organisationId: string, period: Period): Promise<Dashboard> {
  return api.get<Dashboard>(`/organisations/${encodeURIComponent(organisationId)}/dashboard`, { query: { ...period } });
}

export function useOrganisationDashboard(organisationId: string | null, period: Period) {
  return useQuery({
    queryKey: ['reports', 'dashboard', 'organisation', organisationId, period.from ?? null, period.to ?? null],
    queryFn: () => getOrganisationDashboard(organisationId!, period),
    enabled: !!organisationId,
    placeholderData: keepPreviousData,
  });
}

export function organisationReportUrl(organisationId: string, format: 'csv' | 'pdf', period: Period, language: string): string {
  const query = new URLSearchParams({ language, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
  return `/api/organisations/${encodeURIComponent(organisationId)}/dashboard.${format}?${query}`;
}
