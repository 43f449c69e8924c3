import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** PUT or DELETE /api/groups/:id/follow */
export function followGroup(id: string, following: boolean): Promise<GroupDetail> {
  return following ? api.put(`/groups/${enc(id)}/follow`, {}) : api.delete(`/groups/${enc(id)}/follow`);
}

export function useFollowGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (following: boolean) => followGroup(id, following),
    onSuccess: (group) => {
      queryClient.setQueryData(collaborationKeys.group(id), group);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.groupsAll });
    },
  });
}
