import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/me/calendar-feed: a new private subscription URL (the previous one stops working). */
export function createCalendarFeed(): Promise<{ url: string }> {
  return api.post('/me/calendar-feed');
}

/** DELETE /api/me/calendar-feed */
export function revokeCalendarFeed(): Promise<void> {
  return api.delete('/me/calendar-feed');
}

export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: createCalendarFeed });
}

export function useRevokeCalendarFeed() {
  return useMutation({ mutationFn: revokeCalendarFeed });
}
