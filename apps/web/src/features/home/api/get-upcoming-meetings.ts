import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/meetings?when=upcoming — the home card keeps the ones of the coming seven days. */
export function getUpcomingMeetings(): Promise<{ items: MeetingSummary[] }> {
  return api.get('/meetings', { query: { when: 'upcoming' } });
}

export function useUpcomingMeetings(enabled: boolean) {
  return useQuery(queryOptions({ queryKey: ['meetings', 'list', 'upcoming'] as const, queryFn: getUpcomingMeetings, enabled }));
}
