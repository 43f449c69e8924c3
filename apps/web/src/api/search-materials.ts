import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MaterialSummary } from '@tadamon/shared';
import { api } from '../lib/api-client';

/**
 * GET /api/materials?q=…&limit=…, first page only: the pickers that attach or link a material
 * (discussions, campaigns, lessons) search what the library shows this reader. Keyed under
 * ['materials'] so that a change in the library refreshes an open picker too.
 */
export function searchMaterials(q: string, limit: number, signal?: AbortSignal): Promise<{ items: MaterialSummary[] }> {
  return api.get('/materials', { query: { q: q.trim() || undefined, limit }, signal });
}

export function useMaterialSearch(q: string, options: { enabled?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 10;
  return useQuery({
    queryKey: ['materials', 'search', q.trim(), limit] as const,
    queryFn: ({ signal }) => searchMaterials(q, limit, signal),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
