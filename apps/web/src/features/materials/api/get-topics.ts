import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CustomTopic {
  id: string;
  networkId: string;
  name: string;
}

/** GET /api/material-topics: custom topics of the caller's networks (the six standard ones are fixed). */
export function getTopics(): Promise<{ items: CustomTopic[] }> {
  return api.get('/material-topics');
}

export function useCustomTopics() {
  return useQuery(queryOptions({ queryKey: ['materials', 'topics'], queryFn: getTopics, staleTime: 5 * 60_000 }));
}
