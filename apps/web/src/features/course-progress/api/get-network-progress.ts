import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkProgress } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/networks/:networkId/course-progress?by=organisation|country (coordinators) */
export function getNetworkProgress(networkId: string, by: 'organisation' | 'country', courseId?: string): Promise<NetworkProgress> {
  return api.get<NetworkProgress>(`/networks/${encodeURIComponent(networkId)}/course-progress`, { query: { by, courseId } });
}

export function useNetworkProgress(networkId: string, by: 'organisation' | 'country', courseId?: string) {
  return useQuery({
    ...queryOptions({
      queryKey: ['course-progress', 'network', networkId, by, courseId ?? null],
      queryFn: () => getNetworkProgress(networkId, by, courseId),
    }),
    placeholderData: keepPreviousData,
  });
}

export function networkCsvUrl(networkId: string, by: 'organisation' | 'country', language: string, courseId?: string): string {
  const query = new URLSearchParams({ by, language });
  if (courseId) query.set('courseId', courseId);
  return `/api/networks/${encodeURIComponent(networkId)}/course-progress.csv?${query}`;
}
