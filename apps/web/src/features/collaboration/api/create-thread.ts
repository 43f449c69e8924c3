import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** POST /api/groups/:id/threads */
export function createThread(groupId: string, input: { title: string; body: string; mentions: string[]; attachments: string[] }): Promise<ThreadDetail> {
  return api.post(`/groups/${enc(groupId)}/threads`, input);
}

export function useCreateThread(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; body: string; mentions: string[]; attachments: string[] }) => createThread(groupId, input),
    onSuccess: (thread) => {
      queryClient.setQueryData(collaborationKeys.thread(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.threads(groupId) });
    },
  });
}
