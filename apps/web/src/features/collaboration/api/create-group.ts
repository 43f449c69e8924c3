import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';

export interface GroupCreateInput {
  networkId: string;
  name: string;
  description: string;
  audience: 'NETWORK' | 'ORGANISATIONS';
  organisationIds: string[];
}

/** POST /api/groups */
export function createGroup(input: GroupCreateInput): Promise<GroupDetail> {
  return api.post('/groups', input);
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: collaborationKeys.groupsAll }),
  });
}
