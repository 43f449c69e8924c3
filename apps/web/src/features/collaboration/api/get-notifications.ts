import { useQuery } from '@tanstack/react-query';
import type { AppNotification } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';

export interface NotificationList {
  items: AppNotification[];
  unreadCount: number;
}

/** GET /api/me/notifications */
export function getNotifications(): Promise<NotificationList> {
  return api.get('/me/notifications');
}

/** Refreshed every minute (and on focus): cheap, and fine on a slow connection. */
export function useNotifications() {
  return useQuery({ queryKey: collaborationKeys.notifications, queryFn: getNotifications, refetchInterval: 60_000 });
}
