import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseVersionTree } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/**
 * GET /api/course-authoring/courses/:id (the version editors work on: the draft, else the
 * published one) or GET /api/course-authoring/versions/:id (any version, read-only unless draft).
 */
export function getCourseTree(courseId: string, versionId: string | null, signal?: AbortSignal): Promise<CourseVersionTree> {
  return versionId
    ? api.get<CourseVersionTree>(`/course-authoring/versions/${versionId}`, { signal })
    : api.get<CourseVersionTree>(`/course-authoring/courses/${courseId}`, { signal });
}

export const courseTreeQueryKey = (courseId: string, versionId: string | null) =>
  ['course-authoring', 'tree', courseId, versionId ?? 'working'] as const;

export const courseTreeQueryOptions = (courseId: string, versionId: string | null) =>
  queryOptions({
    queryKey: courseTreeQueryKey(courseId, versionId),
    queryFn: ({ signal }) => getCourseTree(courseId, versionId, signal),
  });

export function useCourseTree(courseId: string, versionId: string | null) {
  return useQuery(courseTreeQueryOptions(courseId, versionId));
}
