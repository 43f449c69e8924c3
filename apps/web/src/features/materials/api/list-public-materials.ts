import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MaterialPage } from '../../../api/list-materials';

const PAGE_SIZE = 20;

/** GET /api/public/materials: public material for visitors who are not signed in. */
export function listPublicMaterials(q: string | undefined, lang: string, cursor?: string, signal?: AbortSignal): Promise<MaterialPage> {
  return api.get<MaterialPage>('/public/materials', { query: { q, lang, cursor, limit: PAGE_SIZE }, signal });
}

export const publicMaterialsQueryOptions = (q: string | undefined, lang: string) =>
  infiniteQueryOptions({
    queryKey: ['materials', 'public-list', q, lang],
    queryFn: ({ pageParam, signal }) => listPublicMaterials(q, lang, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function usePublicMaterials(q: string | undefined, lang: string) {
  return useInfiniteQuery(publicMaterialsQueryOptions(q, lang));
}
