import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MaterialSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/materials?q=…: the library the editor may see, first page only (the picker searches). */
export function searchMaterials(q: string, signal?: AbortSignal): Promise<{ items: MaterialSummary[] }> {
  return api.get('/materials', { query: { q, limit: 10 }, signal });
}

export function useMaterialSearch(q: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: ['course-authoring', 'materials', q],
      queryFn: ({ signal }) => searchMaterials(q, signal),
      enabled,
      staleTime: 60_000,
    }),
  );
}
