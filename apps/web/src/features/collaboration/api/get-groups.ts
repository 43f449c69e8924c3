import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GroupSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';

/** GET /api/groups?q= — the working groups the caller can see. */
export function getGroups(q: string): Promise<{ items: GroupSummary[] }> {
  return api.get('/groups', { query: { q } });
}

export const groupsQueryOptions = (q: string) =>
  queryOptions({ queryKey: collaborationKeys.groups(q), queryFn: () => getGroups(q) });

export function useGroups(q: string) {
  return useQuery(groupsQueryOptions(q));
}
