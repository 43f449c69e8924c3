import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MaterialDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { materialQueryKey } from '../../../api/get-material';
import { fileHistoryQueryKey } from './get-file-history';

/** POST …/files/:fileId/restore: an older version becomes the current one again. */
export function restoreFile(materialId: string, translationId: string, fileId: string): Promise<MaterialDetail> {
  return api.post<MaterialDetail>(`/materials/${materialId}/translations/${translationId}/files/${fileId}/restore`);
}

export function useRestoreFile(materialId: string, translationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => restoreFile(materialId, translationId, fileId),
    onSuccess: (material) => {
      queryClient.setQueryData(materialQueryKey(materialId), material);
      void queryClient.invalidateQueries({ queryKey: fileHistoryQueryKey(translationId) });
    },
  });
}
