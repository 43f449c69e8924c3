import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaterialTopicUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { materialTopicKeys, type MaterialTopic } from '../../../api/get-material-topics';

/** GET /api/material-topics?networkId=…&includeArchived=1: every custom topic of one network. */
export function getNetworkTopics(networkId: string): Promise<{ items: MaterialTopic[] }> {
  return api.get('/material-topics', { query: { networkId, includeArchived: '1' } });
}

export function useNetworkTopics(networkId: string | null) {
  return useQuery(
    queryOptions({ queryKey: materialTopicKeys.network(networkId ?? ''), queryFn: () => getNetworkTopics(networkId!), enabled: !!networkId }),
  );
}

/** POST /api/networks/:networkId/material-topics and PATCH …/:topicId (rename, archive); both refresh every topic list. */
export function useSaveTopic(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topicId, change }: { topicId?: string; change: MaterialTopicUpdate }) =>
      topicId
        ? api.patch<MaterialTopic>(`/networks/${networkId}/material-topics/${topicId}`, change)
        : api.post<MaterialTopic>(`/networks/${networkId}/material-topics`, { name: change.name }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: materialTopicKeys.all }),
  });
}
