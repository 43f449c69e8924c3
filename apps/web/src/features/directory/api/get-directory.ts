import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OrganisationSummary, OrganisationType } from '../../../lib/types';

export interface DirectoryFilters {
  q?: string;
  country?: string;
  type?: OrganisationType;
  networkId?: string;
}

export interface DirectoryPage {
  items: OrganisationSummary[];
  nextCursor: string | null;
}

const PAGE_SIZE = 20;

/** GET /api/directory: organisations of the caller's networks, one cursor page at a time. */
export function getDirectoryPage(filters: DirectoryFilters, cursor?: string, signal?: AbortSignal): Promise<DirectoryPage> {
  return api.get<DirectoryPage>('/directory', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });
}

export const directoryQueryOptions = (filters: DirectoryFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.directory({ ...filters }),
    queryFn: ({ pageParam, signal }) => getDirectoryPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery(directoryQueryOptions(filters));
}
