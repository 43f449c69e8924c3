import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingPoll } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings/:id/poll: proposed times, counts, my answers (and everyone's for the organiser). */
export function getPoll(id: string): Promise<MeetingPoll> {
  return api.get(`/meetings/${encodeURIComponent(id)}/poll`);
}

export const pollQueryOptions = (id: string) => queryOptions({ queryKey: meetingKeys.poll(id), queryFn: () => getPoll(id) });

export function usePoll(id: string, enabled: boolean) {
  return useQuery({ ...pollQueryOptions(id), enabled });
}
