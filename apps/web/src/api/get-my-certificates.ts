import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Certificate } from '@tadamon/shared';
import { api } from '../lib/api-client';

export const myCertificatesKey = ['me', 'certificates'] as const;

/** GET /api/me/certificates: the certificates screen and the home card (what expires soon). */
export function getMyCertificates(): Promise<{ items: Certificate[] }> {
  return api.get<{ items: Certificate[] }>('/me/certificates');
}

export const myCertificatesQueryOptions = queryOptions({ queryKey: myCertificatesKey, queryFn: getMyCertificates });

export function useMyCertificates() {
  return useQuery(myCertificatesQueryOptions);
}

/** Plain links: the browser downloads them with the session cookie. */
export const pdfUrl = (id: string) => `/api/me/certificates/${encodeURIComponent(id)}/pdf`;
export const credentialUrl = (id: string) => `/api/me/certificates/${encodeURIComponent(id)}/credential`;
