import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GroupDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/groups/:id */
export function getGroup(id: string): Promise<GroupDetail> {
  return api.get(`/groups/${enc(id)}`);
}

export const groupQueryOptions = (id: string) => queryOptions({ queryKey: collaborationKeys.group(id), queryFn: () => getGroup(id) });

export function useGroup(id: string) {
  return useQuery(groupQueryOptions(id));
}
