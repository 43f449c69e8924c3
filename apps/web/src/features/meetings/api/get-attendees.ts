import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Attendee } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings/:id/attendees (leaders and coordinators) */
export function getAttendees(id: string): Promise<{ items: Attendee[] }> {
  return api.get(`/meetings/${encodeURIComponent(id)}/attendees`);
}

export const attendeesQueryOptions = (id: string) =>
  queryOptions({ queryKey: meetingKeys.attendees(id), queryFn: () => getAttendees(id) });

export function useAttendees(id: string, enabled: boolean) {
  return useQuery({ ...attendeesQueryOptions(id), enabled });
}
