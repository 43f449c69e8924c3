import { useQuery } from '@tanstack/react-query';
import type { LessonView } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/learning/enrolments/:id/lessons/:lessonId — the lesson of one's own enrolment. */
export function getLesson(enrolmentId: string, lessonId: string, signal?: AbortSignal): Promise<LessonView> {
  return api.get<LessonView>(`/learning/enrolments/${enrolmentId}/lessons/${lessonId}`, { signal });
}

export function useLesson(enrolmentId: string, lessonId: string) {
  return useQuery({ queryKey: learningKeys.lesson(enrolmentId, lessonId), queryFn: ({ signal }) => getLesson(enrolmentId, lessonId, signal) });
}
