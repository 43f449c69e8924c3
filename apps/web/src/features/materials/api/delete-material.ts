import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { materialQueryKey } from '../../../api/get-material';

/** DELETE /api/materials/:id (editors). */
export function deleteMaterial(id: string): Promise<void> {
  return api.delete(`/materials/${id}`);
}

export function useDeleteMaterial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteMaterial(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: materialQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['materials', 'list'] });
    },
  });
}
