import { useQuery } from '@tanstack/react-query';
import type { GroupMember } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/groups/:id/members — people who can be @mentioned. */
export function getGroupMembers(id: string): Promise<{ items: GroupMember[] }> {
  return api.get(`/groups/${enc(id)}/members`);
}

export function useGroupMembers(id: string) {
  return useQuery({ queryKey: collaborationKeys.groupMembers(id), queryFn: () => getGroupMembers(id), staleTime: 5 * 60_000 });
}
