import { useQuery } from '@tanstack/react-query';
import type { ThreadDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/threads/:id */
export function getThread(id: string): Promise<ThreadDetail> {
  return api.get(`/threads/${enc(id)}`);
}

export function useThread(id: string) {
  return useQuery({ queryKey: collaborationKeys.thread(id), queryFn: () => getThread(id) });
}
