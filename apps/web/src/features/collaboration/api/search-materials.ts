import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MaterialSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';

/** GET /api/materials?q=…&limit=8 — only what the library shows this reader. */
export function searchMaterials(q: string): Promise<{ items: MaterialSummary[] }> {
  const query = new URLSearchParams({ limit: '8', ...(q.trim() ? { q: q.trim() } : {}) });
  return api.get(`/materials?${query.toString()}`);
}

export function useMaterialSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: collaborationKeys.materialSearch(q.trim()),
    queryFn: () => searchMaterials(q),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
