import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaterialTopicUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import type { CustomTopic } from './get-topics';

export type ManagedTopic = CustomTopic & { archivedAt: string | null };

/** GET /api/material-topics?networkId=…&includeArchived=1: every custom topic of one network. */
export function getNetworkTopics(networkId: string): Promise<{ items: ManagedTopic[] }> {
  return api.get('/material-topics', { query: { networkId, includeArchived: '1' } });
}

const key = (networkId: string) => ['materials', 'topics', 'manage', networkId] as const;

export function useNetworkTopics(networkId: string | null) {
  return useQuery(
    queryOptions({ queryKey: key(networkId ?? ''), queryFn: () => getNetworkTopics(networkId!), enabled: !!networkId }),
  );
}

/** POST /api/networks/:networkId/material-topics and PATCH …/:topicId; both refresh every topic list. */
export function useSaveTopic(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, change }: { topicId?: string; change: MaterialTopicUpdate }) =>
      topicId
        ? api.patch<ManagedTopic>(`/networks/${networkId}/material-topics/${topicId}`, change)
        : api.post<ManagedTopic>(`/networks/${networkId}/material-topics`, { name: change.name }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['materials', 'topics'] }),
  });
}
