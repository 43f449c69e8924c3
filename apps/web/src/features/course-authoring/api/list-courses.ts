import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuthoringCourseSummary, CourseStatus } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export interface CourseListFilters {
  q?: string;
  status?: CourseStatus;
}
interface CoursePage {
  items: AuthoringCourseSummary[];
  nextCursor: string | null;
}

/** GET /api/course-authoring/courses: the courses the caller authors, newest change first. */
export function listCourses(filters: CourseListFilters, cursor?: string, signal?: AbortSignal): Promise<CoursePage> {
  return api.get<CoursePage>('/course-authoring/courses', { query: { ...filters, cursor, limit: 20 }, signal });
}

export const coursesQueryOptions = (filters: CourseListFilters) =>
  infiniteQueryOptions({
    queryKey: ['course-authoring', 'courses', filters],
    queryFn: ({ pageParam, signal }) => listCourses(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useAuthoredCourses(filters: CourseListFilters) {
  return useInfiniteQuery(coursesQueryOptions(filters));
}
