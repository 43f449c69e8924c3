import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

/** DELETE /api/learning/courses/:id/enrolment — leave a course one chose. */
export function withdraw(courseId: string): Promise<void> {
  return api.delete(`/learning/courses/${courseId}/enrolment`);
}

export function useWithdraw(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdraw(courseId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
}
