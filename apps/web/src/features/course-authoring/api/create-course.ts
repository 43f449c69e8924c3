import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseCreate, CourseVersionTree } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { courseTreeQueryKey } from './get-course';

/** POST /api/course-authoring/courses: the course and its draft version 1. */
export function createCourse(input: CourseCreate): Promise<CourseVersionTree> {
  return api.post<CourseVersionTree>('/course-authoring/courses', input);
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCourse,
    onSuccess: (tree) => {
      queryClient.setQueryData(courseTreeQueryKey(tree.course.id, null), tree);
      void queryClient.invalidateQueries({ queryKey: ['course-authoring', 'courses'] });
    },
  });
}
