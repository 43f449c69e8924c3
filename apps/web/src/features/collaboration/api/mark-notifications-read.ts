import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NotificationList } from './get-notifications';
import { collaborationKeys } from './keys';

/** POST /api/me/notifications/read — given ids, or all when none are given. */
export function markNotificationsRead(ids?: string[]): Promise<NotificationList> {
  return api.post('/me/notifications/read', ids ? { ids } : {});
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (list) => queryClient.setQueryData(collaborationKeys.notifications, list),
  });
}
