import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings/:id/occurrences/cancel: one date of a recurring meeting. */
export function cancelOccurrence(id: string, occurrenceStart: string): Promise<MeetingDetail> {
  return api.post(`/meetings/${encodeURIComponent(id)}/occurrences/cancel`, { occurrenceStart });
}

export function useCancelOccurrence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (occurrenceStart: string) => cancelOccurrence(id, occurrenceStart),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
