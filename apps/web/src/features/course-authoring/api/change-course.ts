import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseVersionTree } from '@tadamon/shared';
import { api, isApiError } from '../../../lib/api-client';
import { courseTreeQueryKey } from './get-course';

/**
 * Every change to a course or its draft: the path under /api/course-authoring, sent with the
 * revision the editor last saw in If-Match. The answer is the new tree, put straight into the
 * cache so the screen shows it without another download. On 409 CONFLICT the answer carries
 * the current tree; that goes into the cache too, so the editor sees what the other person did.
 */
export interface CourseChange {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

export function changeCourse(change: CourseChange, revision: number): Promise<CourseVersionTree> {
  const options = { headers: { 'if-match': `"${revision}"` } };
  const path = `/course-authoring${change.path}`;
  switch (change.method) {
    case 'POST':
      return api.post<CourseVersionTree>(path, change.body, options);
    case 'PATCH':
      return api.patch<CourseVersionTree>(path, change.body, options);
    case 'PUT':
      return api.put<CourseVersionTree>(path, change.body ?? {}, options);
    case 'DELETE':
      return api.delete<CourseVersionTree>(path, options);
  }
}

/** `courseId` and `versionId` name the tree on screen (versionId null: the working version). */
export function useChangeCourse(courseId: string, versionId: string | null, revision: number) {
  const queryClient = useQueryClient();
  const store = (tree: CourseVersionTree) => {
    // The answer shows the working version (or the one changed); while an older version is on
    // screen, keep it there and let the working one take the new tree.
    const shownElsewhere = versionId !== null && tree.version.id !== versionId;
    queryClient.setQueryData(courseTreeQueryKey(courseId, shownElsewhere ? null : versionId), tree);
    if (shownElsewhere) void queryClient.invalidateQueries({ queryKey: courseTreeQueryKey(courseId, versionId) });
    void queryClient.invalidateQueries({ queryKey: ['course-authoring', 'courses'] });
  };
  return useMutation({
    mutationFn: (change: CourseChange) => changeCourse(change, revision),
    onSuccess: store,
    onError: (error) => {
      if (isApiError(error) && error.code === 'CONFLICT') {
        const current = (error.details as { current?: CourseVersionTree } | undefined)?.current;
        if (current) store(current);
      }
    },
  });
}
