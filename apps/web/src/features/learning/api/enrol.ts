import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { learningKeys, saveRetry } from './learning-keys';

/** POST /api/learning/courses/:id/enrolment (safe to repeat: answers the same enrolment). */
export function enrol(courseId: string): Promise<{ enrolmentId: string }> {
  return api.post<{ enrolmentId: string }>(`/learning/courses/${courseId}/enrolment`);
}

export function useEnrol(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enrol(courseId),
    ...saveRetry,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
}
