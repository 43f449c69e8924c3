import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaterialFile } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/materials/:id/translations/:translationId/files: every version, newest first (editors). */
export function getFileHistory(materialId: string, translationId: string): Promise<{ items: MaterialFile[] }> {
  return api.get(`/materials/${materialId}/translations/${translationId}/files`);
}

export const fileHistoryQueryKey = (translationId: string) => ['materials', 'files', translationId] as const;

export function useFileHistory(materialId: string, translationId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: fileHistoryQueryKey(translationId),
      queryFn: () => getFileHistory(materialId, translationId),
      enabled,
    }),
  );
}
