import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MaterialCreate, MaterialDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/materials: the material and its first language version (the file follows by upload). */
export function createMaterial(input: MaterialCreate): Promise<MaterialDetail> {
  return api.post<MaterialDetail>('/materials', input);
}

export function useCreateMaterial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMaterial,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['materials', 'list'] }),
  });
}
