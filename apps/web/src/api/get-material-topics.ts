import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { materialTopicSchema } from '@tadamon/shared';
import { api } from '../lib/api-client';

export type MaterialTopic = z.infer<typeof materialTopicSchema>;

/**
 * Every list of custom topics lives under one key, so that creating, renaming or archiving a
 * topic refreshes the library's filters, the new-material form and the course editor at once.
 */
export const materialTopicKeys = {
  all: ['material-topics'] as const,
  active: ['material-topics', 'active'] as const,
  network: (networkId: string) => ['material-topics', 'network', networkId] as const,
};

/** GET /api/material-topics: custom topics of the caller's networks (the six standard ones are fixed). */
export function getMaterialTopics(signal?: AbortSignal): Promise<{ items: MaterialTopic[] }> {
  return api.get('/material-topics', { signal });
}

export const materialTopicsQueryOptions = queryOptions({
  queryKey: materialTopicKeys.active,
  queryFn: ({ signal }) => getMaterialTopics(signal),
  staleTime: 5 * 60_000,
});

export function useMaterialTopics() {
  return useQuery(materialTopicsQueryOptions);
}
