import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CertificateVerification } from '@tadamon/shared';
import { api, isApiError } from '../../../lib/api-client';

/** GET /api/verify/:code — public, no session needed. */
export function verifyCertificate(code: string): Promise<CertificateVerification> {
  return api.get<CertificateVerification>(`/verify/${encodeURIComponent(code)}`);
}

export const verifyCertificateQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['verify', code],
    queryFn: () => verifyCertificate(code),
    // An unknown code stays unknown; a rate-limited check should not retry itself into more 429s.
    retry: (failures, error) => !(isApiError(error) && (error.status === 404 || error.status === 429)) && failures < 2,
    staleTime: 0,
  });

export function useVerifyCertificate(code: string) {
  return useQuery(verifyCertificateQueryOptions(code));
}
