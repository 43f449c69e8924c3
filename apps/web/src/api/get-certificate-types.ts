import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CertificateType } from '@tadamon/shared';
import { api } from '../lib/api-client';

export const certificateTypesKey = (networkId: string) => ['networks', networkId, 'certificate-types'] as const;

/** GET /api/networks/:id/certificate-types */
export function getCertificateTypes(networkId: string): Promise<{ items: CertificateType[] }> {
  return api.get<{ items: CertificateType[] }>(`/networks/${encodeURIComponent(networkId)}/certificate-types`);
}

export const certificateTypesQueryOptions = (networkId: string) =>
  queryOptions({ queryKey: certificateTypesKey(networkId), queryFn: () => getCertificateTypes(networkId) });

export function useCertificateTypes(networkId: string | null) {
  return useQuery({ ...certificateTypesQueryOptions(networkId ?? ''), enabled: !!networkId });
}
