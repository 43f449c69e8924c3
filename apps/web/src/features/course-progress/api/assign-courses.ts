import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Assignment, CourseAssign } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export interface AssignAnswer {
  items: Assignment[];
  waiting: { userId: string; courseId: string }[];
}

/** POST /api/course-assignments */
export function assignCourses(body: CourseAssign): Promise<AssignAnswer> {
  return api.post<AssignAnswer>('/course-assignments', body);
}

/** DELETE /api/course-assignments/:enrolmentId */
export function unassignCourse(enrolmentId: string): Promise<void> {
  return api.delete<void>(`/course-assignments/${encodeURIComponent(enrolmentId)}`);
}

export function useAssignCourses() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assignCourses, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['course-progress'] }) });
}

export function useUnassignCourse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: unassignCourse, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['course-progress'] }) });
}
