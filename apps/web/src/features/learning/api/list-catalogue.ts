import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { CatalogueItem, CatalogueQuery } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { learningKeys } from './learning-keys';

export type CatalogueFilters = Partial<Omit<CatalogueQuery, 'cursor' | 'limit'>>;
export interface CataloguePage {
  items: CatalogueItem[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/** GET /api/learning/catalogue: the courses the caller may take, one cursor page at a time. */
export function listCatalogue(filters: CatalogueFilters, cursor?: string, signal?: AbortSignal): Promise<CataloguePage> {
  return api.get<CataloguePage>('/learning/catalogue', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });
}

export function useCatalogue(filters: CatalogueFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: learningKeys.catalogue(filters),
      queryFn: ({ pageParam, signal }) => listCatalogue(filters, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}
