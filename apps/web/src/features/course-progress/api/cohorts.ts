import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CohortCreate, CohortDetail, CohortSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/course-cohorts?organisationId=… */
export function getCohorts(organisationId: string): Promise<{ items: CohortSummary[] }> {
  return api.get<{ items: CohortSummary[] }>('/course-cohorts', { query: { organisationId } });
}

export function useCohorts(organisationId: string) {
  return useQuery(queryOptions({ queryKey: ['course-progress', 'cohorts', organisationId], queryFn: () => getCohorts(organisationId) }));
}

/** GET /api/course-cohorts/:id — with the members' progress. */
export function useCohort(cohortId: string | null) {
  return useQuery({
    queryKey: ['course-progress', 'cohort', cohortId],
    queryFn: () => api.get<CohortDetail>(`/course-cohorts/${encodeURIComponent(cohortId ?? '')}`),
    enabled: !!cohortId,
  });
}

/** POST /api/course-cohorts */
export function useCreateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CohortCreate) => api.post<CohortDetail>('/course-cohorts', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['course-progress'] }),
  });
}

/** POST /api/course-cohorts/:id/members */
export function useAddCohortMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cohortId, userIds }: { cohortId: string; userIds: string[] }) =>
      api.post<CohortDetail>(`/course-cohorts/${encodeURIComponent(cohortId)}/members`, { userIds }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['course-progress'] }),
  });
}
