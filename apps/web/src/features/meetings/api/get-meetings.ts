import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings?when=upcoming|past: meetings the caller's organisations host or are invited to. */
export function getMeetings(when: 'upcoming' | 'past'): Promise<{ items: MeetingSummary[] }> {
  return api.get('/meetings', { query: { when } });
}

export const meetingsQueryOptions = (when: 'upcoming' | 'past') =>
  queryOptions({ queryKey: meetingKeys.list(when), queryFn: () => getMeetings(when) });

export function useMeetings(when: 'upcoming' | 'past') {
  return useQuery(meetingsQueryOptions(when));
}
