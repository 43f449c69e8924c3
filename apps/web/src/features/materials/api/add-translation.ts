import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MaterialDetail, MaterialTranslationInput } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { materialQueryKey } from '../../../api/get-material';

/** POST /api/materials/:id/translations: another language version of the same material. */
export function addTranslation(materialId: string, input: MaterialTranslationInput): Promise<MaterialDetail> {
  return api.post<MaterialDetail>(`/materials/${materialId}/translations`, input);
}

export function useAddTranslation(materialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MaterialTranslationInput) => addTranslation(materialId, input),
    onSuccess: (material) => queryClient.setQueryData(materialQueryKey(materialId), material),
  });
}
