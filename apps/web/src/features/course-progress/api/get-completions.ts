import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Completions } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export type CompletionsScope = { organisationId: string } | { networkId: string };

/** GET /api/organisations/:id/course-completions or /api/networks/:networkId/course-completions */
export function getCompletions(scope: CompletionsScope, interval: 'week' | 'month', courseId?: string): Promise<Completions> {
  const path =
    'organisationId' in scope
      ? `/organisations/${encodeURIComponent(scope.organisationId)}/course-completions`
      : `/networks/${encodeURIComponent(scope.networkId)}/course-completions`;
  return api.get<Completions>(path, { query: { interval, periods: 12, courseId } });
}

export function useCompletions(scope: CompletionsScope, interval: 'week' | 'month', courseId?: string) {
  return useQuery(
    queryOptions({
      queryKey: ['course-progress', 'completions', scope, interval, courseId ?? null],
      queryFn: () => getCompletions(scope, interval, courseId),
    }),
  );
}
