import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';
import type { z } from 'zod';
import type { notificationListSchema } from '@tadamon/shared';

/** The shared answer schema's type. */
export type NotificationList = z.infer<typeof notificationListSchema>;

/** GET /api/me/notifications */
export function getNotifications(): Promise<NotificationList> {
  return api.get('/me/notifications');
}

/** Refreshed every minute (and on focus): cheap, and fine on a slow connection. */
export function useNotifications() {
  return useQuery({ queryKey: collaborationKeys.notifications, queryFn: getNotifications, refetchInterval: 60_000 });
}
