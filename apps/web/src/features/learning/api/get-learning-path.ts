import { useQuery } from '@tanstack/react-query';
import type { LearnerPath } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/learning/paths/:id — the courses in order, what is done and next, the certificate. */
export function getLearningPath(id: string, signal?: AbortSignal): Promise<LearnerPath> {
  return api.get<LearnerPath>(`/learning/paths/${encodeURIComponent(id)}`, { signal });
}

export function useLearningPath(id: string) {
  return useQuery({ queryKey: learningKeys.path(id), queryFn: ({ signal }) => getLearningPath(id, signal) });
}
