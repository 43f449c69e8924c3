import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyLearning } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/me/learning — for the home card: the next lesson and due dates. */
export function getMyLearning(signal?: AbortSignal): Promise<MyLearning> {
  return api.get<MyLearning>('/me/learning', { signal });
}

export function useMyLearning(enabled: boolean) {
  return useQuery(queryOptions({ queryKey: ['learning', 'mine'] as const, queryFn: ({ signal }) => getMyLearning(signal), enabled }));
}
