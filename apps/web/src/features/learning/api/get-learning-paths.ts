import { useQuery } from '@tanstack/react-query';
import type { LearnerPathList } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** GET /api/learning/paths — the learning paths one may follow, with one's progress. */
export function getLearningPaths(signal?: AbortSignal): Promise<LearnerPathList> {
  return api.get<LearnerPathList>('/learning/paths', { signal });
}

export function useLearningPaths() {
  return useQuery({ queryKey: learningKeys.paths, queryFn: ({ signal }) => getLearningPaths(signal) });
}
