import { useQuery } from '@tanstack/react-query';
import type { ThreadSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/groups/:id/threads */
export function getThreads(groupId: string): Promise<{ items: ThreadSummary[] }> {
  return api.get(`/groups/${enc(groupId)}/threads`);
}

export function useThreads(groupId: string) {
  return useQuery({ queryKey: collaborationKeys.threads(groupId), queryFn: () => getThreads(groupId) });
}
