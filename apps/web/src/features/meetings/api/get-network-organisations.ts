import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrganisationSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

const PAGE = 100;
const MAX_PAGES = 10;

/** GET /api/directory?networkId=…, every page: the organisations a host may invite. */
export async function getNetworkOrganisations(networkId: string): Promise<OrganisationSummary[]> {
  const items: OrganisationSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: { items: OrganisationSummary[]; nextCursor: string | null } = await api.get('/directory', {
      query: { networkId, limit: PAGE, cursor },
    });
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const networkOrganisationsQueryOptions = (networkId: string) =>
  queryOptions({
    queryKey: ['directory', 'network-all', networkId],
    queryFn: () => getNetworkOrganisations(networkId),
    staleTime: 5 * 60_000,
  });

export function useNetworkOrganisations(networkId: string | null) {
  return useQuery({ ...networkOrganisationsQueryOptions(networkId ?? ''), enabled: !!networkId });
}
