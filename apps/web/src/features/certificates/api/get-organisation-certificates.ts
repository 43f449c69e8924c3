import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Certificate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const organisationCertificatesKey = (organisationId: string) => ['organisations', organisationId, 'certificates'] as const;

/** GET /api/organisations/:id/certificates (assessors) */
export function getOrganisationCertificates(organisationId: string): Promise<{ items: Certificate[] }> {
  return api.get<{ items: Certificate[] }>(`/organisations/${encodeURIComponent(organisationId)}/certificates`);
}

export function useOrganisationCertificates(organisationId: string | null) {
  return useQuery({
    ...queryOptions({
      queryKey: organisationCertificatesKey(organisationId ?? ''),
      queryFn: () => getOrganisationCertificates(organisationId ?? ''),
    }),
    enabled: !!organisationId,
  });
}
