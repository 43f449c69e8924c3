import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaterialDetail } from '@tadamon/shared';
import { api } from '../lib/api-client';

/** GET /api/materials/:id */
export function getMaterial(id: string, signal?: AbortSignal): Promise<MaterialDetail> {
  return api.get<MaterialDetail>(`/materials/${id}`, { signal });
}

export const materialQueryKey = (id: string) => ['materials', 'detail', id] as const;

/** While a file or its posters and renditions are being prepared, ask again every few seconds. */
export const materialQueryOptions = (id: string) =>
  queryOptions({
    queryKey: materialQueryKey(id),
    queryFn: ({ signal }) => getMaterial(id, signal),
    refetchInterval: (query) =>
      query.state.data?.translations.some(
        (t) => t.currentFile?.status === 'PROCESSING' || t.currentFile?.derivatives.some((d) => d.status === 'PROCESSING'),
      )
        ? 3000
        : false,
  });

export function useMaterial(id: string) {
  return useQuery(materialQueryOptions(id));
}
