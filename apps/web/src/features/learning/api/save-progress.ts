import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgressEvent, ProgressResult } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys, saveRetry } from './learning-keys';

/** POST …/progress — started, position or completed; idempotent on the server. */
export function saveProgress(enrolmentId: string, lessonId: string, event: ProgressEvent): Promise<ProgressResult> {
  return api.post<ProgressResult>(`/learning/enrolments/${enrolmentId}/lessons/${lessonId}/progress`, event);
}

export function useSaveProgress(enrolmentId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: ProgressEvent) => saveProgress(enrolmentId, lessonId, event),
    ...saveRetry,
    onSuccess: (_result, event) => {
      // A position save changes nothing else on screen; completion changes the outline and the next lesson.
      if (event.event === 'completed') void queryClient.invalidateQueries({ queryKey: learningKeys.all });
    },
  });
}
