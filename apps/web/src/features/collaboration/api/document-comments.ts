import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enc } from './keys';
import type { z } from 'zod';
import type { commentListSchema } from '@tadamon/shared';

export type CommentList = z.infer<typeof commentListSchema>;
const key = (documentId: string) => ['collaboration', 'document', documentId, 'comments'] as const;

/** GET /api/documents/:id/comments */
export const getComments = (documentId: string): Promise<CommentList> => api.get(`/documents/${enc(documentId)}/comments`);
/** POST /api/documents/:id/comments */
export const createComment = (documentId: string, input: { language: string; quote: string; body: string }): Promise<CommentList> =>
  api.post(`/documents/${enc(documentId)}/comments`, input);
/** POST /api/documents/:id/comments/:commentId/decision */
export const decideComment = (documentId: string, commentId: string, state: 'OPEN' | 'ACCEPTED' | 'RESOLVED'): Promise<CommentList> =>
  api.post(`/documents/${enc(documentId)}/comments/${enc(commentId)}/decision`, { state });

export function useComments(documentId: string) {
  return useQuery({ queryKey: key(documentId), queryFn: () => getComments(documentId), refetchInterval: 30_000 });
}

export function useCreateComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { language: string; quote: string; body: string }) => createComment(documentId, input),
    onSuccess: (list) => queryClient.setQueryData(key(documentId), list),
  });
}

export function useDecideComment(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, state }: { commentId: string; state: 'OPEN' | 'ACCEPTED' | 'RESOLVED' }) => decideComment(documentId, commentId, state),
    onSuccess: (list) => queryClient.setQueryData(key(documentId), list),
  });
}
