import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Certificate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/me/certificates — for the home card: what one holds and what expires soon. */
export function getMyCertificates(): Promise<{ items: Certificate[] }> {
  return api.get<{ items: Certificate[] }>('/me/certificates');
}

export function useMyCertificates() {
  return useQuery(queryOptions({ queryKey: ['me', 'certificates'] as const, queryFn: getMyCertificates }));
}
