import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PathProgress } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { organisationProgressKey } from './get-organisation-progress';

/** GET /api/organisations/:id/learning-path-progress */
export function getPathProgress(organisationId: string): Promise<PathProgress> {
  return api.get<PathProgress>(`/organisations/${encodeURIComponent(organisationId)}/learning-path-progress`);
}

export function usePathProgress(organisationId: string) {
  return useQuery(
    queryOptions({ queryKey: [...organisationProgressKey(organisationId), 'paths'], queryFn: () => getPathProgress(organisationId) }),
  );
}
