import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SignOffQueue } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const signOffQueueKey = ['course-progress', 'sign-off-queue'] as const;

/** GET /api/learning/sign-off-queue — practical tasks waiting for the caller as assessor. */
export function getSignOffQueue(signal?: AbortSignal): Promise<SignOffQueue> {
  return api.get<SignOffQueue>('/learning/sign-off-queue', { signal });
}

export function useSignOffQueue() {
  return useQuery(queryOptions({ queryKey: signOffQueueKey, queryFn: ({ signal }) => getSignOffQueue(signal) }));
}
