import { myLearningKey } from '../../../api/get-my-learning';
import { isApiError } from '../../../lib/api-client';

/** Query keys of the learner's screens; everything under ['learning'] is refreshed after progress. */
export const learningKeys = {
  all: ['learning'] as const,
  catalogue: (filters: Record<string, unknown>) => ['learning', 'catalogue', filters] as const,
  course: (id: string) => ['learning', 'course', id] as const,
  lesson: (enrolmentId: string, lessonId: string) => ['learning', 'lesson', enrolmentId, lessonId] as const,
  attempt: (enrolmentId: string, attemptId: string) => ['learning', 'attempt', enrolmentId, attemptId] as const,
  result: (enrolmentId: string, attemptId: string) => ['learning', 'result', enrolmentId, attemptId] as const,
  mine: myLearningKey,
  paths: ['learning', 'paths'] as const,
  path: (id: string) => ['learning', 'paths', id] as const,
};

/**
 * Saves on a flaky line: a dropped connection or a 5xx is tried again with growing pauses
 * (the server is idempotent, so a save that did arrive counts once); a 4xx is an answer.
 */
export const saveRetry = {
  retry: (failureCount: number, error: unknown) =>
    failureCount < 6 && (!isApiError(error) || error.status === 0 || error.status >= 500 || error.status === 408),
  retryDelay: (attempt: number) => Math.min(1000 * 2 ** attempt, 20_000),
};
