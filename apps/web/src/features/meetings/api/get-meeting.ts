import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings/:id */
export function getMeeting(id: string): Promise<MeetingDetail> {
  return api.get(`/meetings/${encodeURIComponent(id)}`);
}

export const meetingQueryOptions = (id: string) =>
  queryOptions({ queryKey: meetingKeys.detail(id), queryFn: () => getMeeting(id) });

export function useMeeting(id: string) {
  return useQuery(meetingQueryOptions(id));
}

/** Where the browser downloads the meeting's .ics (a plain link: the session cookie goes along). */
export const meetingCalendarUrl = (id: string) => `/api/meetings/${encodeURIComponent(id)}/calendar.ics`;
