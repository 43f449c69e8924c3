import { useQuery } from '@tanstack/react-query';
import type { LearnerCourse } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/learning/courses/:id — outline, the caller's state, no answers. */
export function getCourse(id: string, signal?: AbortSignal): Promise<LearnerCourse> {
  return api.get<LearnerCourse>(`/learning/courses/${id}`, { signal });
}

export function useLearnerCourse(id: string) {
  return useQuery({ queryKey: learningKeys.course(id), queryFn: ({ signal }) => getCourse(id, signal) });
}
