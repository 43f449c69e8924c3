import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgressPage } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export interface ProgressFilters {
  courseId?: string;
  status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'OVERDUE';
  q?: string;
  page: number;
}

export const organisationProgressKey = (organisationId: string) => ['course-progress', 'organisation', organisationId] as const;

/** GET /api/organisations/:id/course-progress — one page of 50 rows, with the counts. */
export function getOrganisationProgress(organisationId: string, filters: ProgressFilters): Promise<ProgressPage> {
  return api.get<ProgressPage>(`/organisations/${encodeURIComponent(organisationId)}/course-progress`, {
    query: { courseId: filters.courseId, status: filters.status, q: filters.q || undefined, page: filters.page },
  });
}

export function useOrganisationProgress(organisationId: string, filters: ProgressFilters) {
  return useQuery({
    ...queryOptions({
      queryKey: [...organisationProgressKey(organisationId), filters],
      queryFn: () => getOrganisationProgress(organisationId, filters),
    }),
    // Paging and filtering keep the last table on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

/** The CSV export is a plain link: the browser downloads it with the session cookie. */
export function organisationCsvUrl(organisationId: string, filters: Omit<ProgressFilters, 'page'>, language: string): string {
  const query = new URLSearchParams({ language });
  if (filters.courseId) query.set('courseId', filters.courseId);
  if (filters.status) query.set('status', filters.status);
  if (filters.q) query.set('q', filters.q);
  return `/api/organisations/${encodeURIComponent(organisationId)}/course-progress.csv?${query}`;
}
