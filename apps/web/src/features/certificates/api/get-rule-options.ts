import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthoringCourseSummary, AuthoringLearningPath } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/**
 * What a certificate rule may name: the network's courses and learning paths, read from the
 * course-authoring lists (a coordinator authors everything in their network, so these list
 * exactly what the API accepts). Archived ones are left out: the API refuses them in a new rule.
 */

export interface RuleOption {
  id: string;
  title: string;
  status: AuthoringCourseSummary['status'];
}

const LIMIT = 100;
const usable = (items: RuleOption[]) => items.filter((item) => item.status !== 'ARCHIVED');

/** GET /api/course-authoring/courses?networkId=&q= — searched on the server. */
export function getRuleCourses(networkId: string, q: string, signal?: AbortSignal): Promise<RuleOption[]> {
  return api
    .get<{ items: AuthoringCourseSummary[] }>('/course-authoring/courses', { query: { networkId, q: q || undefined, limit: LIMIT }, signal })
    .then((page) => usable(page.items.map(({ id, title, status }) => ({ id, title, status }))));
}

export const ruleCoursesQueryOptions = (networkId: string, q: string) =>
  queryOptions({
    queryKey: ['certificates', 'rule-options', networkId, 'courses', q],
    queryFn: ({ signal }) => getRuleCourses(networkId, q, signal),
    staleTime: 60_000,
  });

export function useRuleCourses(networkId: string, q: string) {
  return useQuery({ ...ruleCoursesQueryOptions(networkId, q), placeholderData: keepPreviousData });
}

/** GET /api/course-authoring/paths?networkId= */
export function getRulePaths(networkId: string, signal?: AbortSignal): Promise<RuleOption[]> {
  return api
    .get<{ items: AuthoringLearningPath[] }>('/course-authoring/paths', { query: { networkId, limit: LIMIT }, signal })
    .then((page) => usable(page.items.map(({ id, title, status }) => ({ id, title, status }))));
}

export const rulePathsQueryOptions = (networkId: string) =>
  queryOptions({
    queryKey: ['certificates', 'rule-options', networkId, 'paths'],
    queryFn: ({ signal }) => getRulePaths(networkId, signal),
    staleTime: 60_000,
  });

export function useRulePaths(networkId: string, enabled: boolean) {
  return useQuery({ ...rulePathsQueryOptions(networkId), enabled });
}
