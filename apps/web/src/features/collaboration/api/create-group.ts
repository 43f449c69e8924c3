import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';
import type { GroupCreate } from '@tadamon/shared';


/** POST /api/groups */
export function createGroup(input: GroupCreate): Promise<GroupDetail> {
  return api.post('/groups', input);
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: collaborationKeys.groupsAll }),
  });
}
