import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Assignable } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/course-assignments/assignable — courses, paths and members for the assign dialog. */
export function getAssignable(organisationId: string): Promise<Assignable> {
  return api.get<Assignable>('/course-assignments/assignable', { query: { organisationId } });
}

export function useAssignable(organisationId: string, enabled: boolean) {
  return useQuery({
    ...queryOptions({ queryKey: ['course-progress', 'assignable', organisationId], queryFn: () => getAssignable(organisationId) }),
    enabled,
  });
}
