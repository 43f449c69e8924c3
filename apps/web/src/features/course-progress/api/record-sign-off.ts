import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignOffCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { signOffQueueKey } from './get-sign-off-queue';

export interface SignOffInput extends SignOffCreate {
  enrolmentId: string;
  lessonId: string;
}

/** POST /api/learning/enrolments/:id/lessons/:lessonId/sign-offs — PASSED, or NOT_YET with a comment. */
export function recordSignOff({ enrolmentId, lessonId, ...body }: SignOffInput): Promise<unknown> {
  return api.post(`/learning/enrolments/${encodeURIComponent(enrolmentId)}/lessons/${encodeURIComponent(lessonId)}/sign-offs`, body);
}

export function useRecordSignOff() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordSignOff, onSuccess: () => void queryClient.invalidateQueries({ queryKey: signOffQueueKey }) });
}
