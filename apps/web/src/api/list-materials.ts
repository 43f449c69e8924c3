import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { MaterialListQuery, MaterialSummary } from '@tadamon/shared';
import { api } from '../lib/api-client';

export type MaterialFilters = Partial<Omit<MaterialListQuery, 'cursor' | 'limit'>>;
export interface MaterialPage {
  items: MaterialSummary[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/** GET /api/materials: the library the caller may see, searched and filtered, one cursor page at a time. */
export function listMaterials(filters: MaterialFilters, cursor?: string, signal?: AbortSignal): Promise<MaterialPage> {
  return api.get<MaterialPage>('/materials', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });
}

export const materialsQueryOptions = (filters: MaterialFilters) =>
  infiniteQueryOptions({
    queryKey: ['materials', 'list', filters],
    queryFn: ({ pageParam, signal }) => listMaterials(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMaterials(filters: MaterialFilters) {
  return useInfiniteQuery(materialsQueryOptions(filters));
}
