import { useQuery } from '@tanstack/react-query';
import type { MyLearning } from '@tadamon/shared';
import { api } from '../lib/api-client';

/**
 * Under ['learning'], which the learning screens refresh after any progress (learningKeys.all).
 */
export const myLearningKey = ['learning', 'mine'] as const;

/** GET /api/me/learning — assigned, in progress, completed: the learning screen and the home card. */
export function getMyLearning(signal?: AbortSignal): Promise<MyLearning> {
  return api.get<MyLearning>('/me/learning', { signal });
}

export function useMyLearning(enabled = true) {
  return useQuery({ queryKey: myLearningKey, queryFn: ({ signal }) => getMyLearning(signal), enabled });
}
