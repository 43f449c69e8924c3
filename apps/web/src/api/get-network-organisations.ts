import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import type { OrganisationSummary } from '../lib/types';

const PAGE = 100;
/** A network of a few hundred organisations is a handful of requests; the picker needs no more. */
const MAX_PAGES = 10;

/**
 * GET /api/directory?networkId=…, every page: the organisations of a network, for the pickers that
 * invite a leader, a host, a signatory or an assessed organisation. `complete` is false when the
 * network had more than the pages read.
 */
export async function getNetworkOrganisations(networkId: string): Promise<{ items: OrganisationSummary[]; complete: boolean }> {
  const items: OrganisationSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: { items: OrganisationSummary[]; nextCursor: string | null } = await api.get('/directory', {
      query: { networkId, limit: PAGE, cursor },
    });
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}

export const networkOrganisationsQueryOptions = (networkId: string) =>
  queryOptions({
    queryKey: ['directory', 'network-all', networkId],
    queryFn: () => getNetworkOrganisations(networkId),
    staleTime: 5 * 60_000,
  });

/** Nothing is fetched while `networkId` is empty or `enabled` is false. */
export function useNetworkOrganisations(networkId: string | null | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({ ...networkOrganisationsQueryOptions(networkId ?? ''), enabled: !!networkId && (options.enabled ?? true) });
}
