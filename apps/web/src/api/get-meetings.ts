import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingSummary } from '@tadamon/shared';
import { api } from '../lib/api-client';

type When = 'upcoming' | 'past';

/** Under ['meetings'], which every meeting change refreshes (meetingKeys.all in the meetings feature). */
export const meetingListKey = (when: When) => ['meetings', 'list', when] as const;

/**
 * GET /api/meetings?when=upcoming|past: meetings the caller's organisations host or are invited
 * to — the meetings screen, the home card of this week, the meetings a campaign may link.
 */
export function getMeetings(when: When): Promise<{ items: MeetingSummary[] }> {
  return api.get('/meetings', { query: { when } });
}

export const meetingsQueryOptions = (when: When) => queryOptions({ queryKey: meetingListKey(when), queryFn: () => getMeetings(when) });

export function useMeetings(when: When, options: { enabled?: boolean } = {}) {
  return useQuery({ ...meetingsQueryOptions(when), enabled: options.enabled ?? true });
}
