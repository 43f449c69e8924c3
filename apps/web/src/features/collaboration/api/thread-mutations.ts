import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** POST /api/threads/:id/posts */
export const replyToThread = (threadId: string, input: { body: string; mentions: string[]; attachments: string[] }): Promise<ThreadDetail> =>
  api.post(`/threads/${enc(threadId)}/posts`, input);
/** PATCH /api/posts/:id */
export const editPost = (postId: string, body: string): Promise<ThreadDetail> => api.patch(`/posts/${enc(postId)}`, { body });
/** PATCH /api/posts/:id/moderation */
export const hidePost = (postId: string, hidden: boolean): Promise<ThreadDetail> =>
  api.patch(`/posts/${enc(postId)}/moderation`, { hidden });
/** PATCH /api/threads/:id/moderation */
export const moderateThread = (threadId: string, change: { hidden?: boolean; locked?: boolean }): Promise<ThreadDetail> =>
  api.patch(`/threads/${enc(threadId)}/moderation`, change);
/** POST /api/posts/:id/report */
export const reportPost = (postId: string, reason: string): Promise<void> => api.post(`/posts/${enc(postId)}/report`, { reason });

/** One hook per thread screen: every change answers the whole thread, which replaces the cached one. */
export function useThreadMutation<I>(threadId: string, run: (input: I) => Promise<ThreadDetail | void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (thread) => {
      if (thread) queryClient.setQueryData(collaborationKeys.thread(threadId), thread);
    },
  });
}
