import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

interface CustomTopic {
  id: string;
  networkId: string;
  name: string;
}

/** GET /api/material-topics: the library's custom topics, which courses share. */
export function useTopics() {
  return useQuery(
    queryOptions({
      queryKey: ['course-authoring', 'topics'],
      queryFn: ({ signal }) => api.get<{ items: CustomTopic[] }>('/material-topics', { signal }),
      staleTime: 5 * 60_000,
    }),
  );
}
