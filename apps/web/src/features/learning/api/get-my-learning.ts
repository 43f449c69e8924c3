import { useQuery } from '@tanstack/react-query';
import type { MyLearning } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/me/learning — assigned, in progress, completed. */
export function getMyLearning(signal?: AbortSignal): Promise<MyLearning> {
  return api.get<MyLearning>('/me/learning', { signal });
}

export function useMyLearning() {
  return useQuery({ queryKey: learningKeys.mine, queryFn: ({ signal }) => getMyLearning(signal) });
}
