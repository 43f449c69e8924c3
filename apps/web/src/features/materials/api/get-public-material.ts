import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaterialDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/public/materials/:id */
export function getPublicMaterial(id: string, lang: string, signal?: AbortSignal): Promise<MaterialDetail> {
  return api.get<MaterialDetail>(`/public/materials/${id}`, { query: { lang }, signal });
}

export const publicMaterialQueryOptions = (id: string, lang: string) =>
  queryOptions({ queryKey: ['materials', 'public-detail', id, lang], queryFn: ({ signal }) => getPublicMaterial(id, lang, signal) });

export function usePublicMaterial(id: string, lang: string) {
  return useQuery(publicMaterialQueryOptions(id, lang));
}
