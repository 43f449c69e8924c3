import { useQuery } from '@tanstack/react-query';
import type { LearnerCourse } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/learning/courses/:id — outline, the caller's state, no answers. */
export function getCourse(id: string, signal?: AbortSignal): Promise<LearnerCourse> {
  return api.get<LearnerCourse>(`/learning/courses/${id}`, { signal });
}

export function useLearnerCourse(id: string) {
  return useQuery({
    queryKey: learningKeys.course(id),
    queryFn: ({ signal }) => getCourse(id, signal),
    // A completion that earns a certificate issues it in the background: ask again until it is
    // there, so the page can take the learner to it.
    refetchInterval: (query) => (awaitingCertificate(query.state.data) ? 3000 : false),
  });
}

export function awaitingCertificate(course: LearnerCourse | undefined): boolean {
  return !!course && course.learner.state === 'COMPLETED' && course.leadsTo.length > 0 && !course.certificateId;
}
