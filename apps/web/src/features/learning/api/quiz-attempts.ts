import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuizAttemptView, QuizResult, QuizSubmission } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys, saveRetry } from './learning-keys';

const base = (enrolmentId: string) => `/learning/enrolments/${enrolmentId}`;

/** POST …/lessons/:lessonId/attempts — draws the questions (or resumes the open attempt). */
export function startAttempt(enrolmentId: string, lessonId: string): Promise<QuizAttemptView> {
  return api.post<QuizAttemptView>(`${base(enrolmentId)}/lessons/${lessonId}/attempts`);
}

export function useStartAttempt(enrolmentId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startAttempt(enrolmentId, lessonId),
    // Safe to repeat: the server answers the attempt already open.
    ...saveRetry,
    onSuccess: (attempt) => queryClient.setQueryData(learningKeys.attempt(enrolmentId, attempt.id), attempt),
  });
}

/** GET …/attempts/:attemptId — the questions again after a reload, still without answers. */
export function useAttempt(enrolmentId: string, attemptId: string | null) {
  return useQuery({
    queryKey: learningKeys.attempt(enrolmentId, attemptId ?? ''),
    queryFn: ({ signal }) => api.get<QuizAttemptView>(`${base(enrolmentId)}/attempts/${attemptId}`, { signal }),
    enabled: !!attemptId,
    staleTime: Infinity,
  });
}

/** GET …/attempts/:attemptId/result — a submitted attempt's stored result. */
export function useAttemptResult(enrolmentId: string, attemptId: string | null) {
  return useQuery({
    queryKey: learningKeys.result(enrolmentId, attemptId ?? ''),
    queryFn: ({ signal }) => api.get<QuizResult>(`${base(enrolmentId)}/attempts/${attemptId}/result`, { signal }),
    enabled: !!attemptId,
  });
}

/** POST …/submission — graded once; a retry after a dropped answer gets the same result. */
export function useSubmitAttempt(enrolmentId: string, attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuizSubmission) => api.post<QuizResult>(`${base(enrolmentId)}/attempts/${attemptId}/submission`, body),
    ...saveRetry,
    onSuccess: (result) => {
      queryClient.setQueryData(learningKeys.result(enrolmentId, attemptId), result);
      void queryClient.invalidateQueries({ queryKey: ['learning', 'lesson'] });
      void queryClient.invalidateQueries({ queryKey: ['learning', 'course'] });
      void queryClient.invalidateQueries({ queryKey: learningKeys.mine });
    },
  });
}
