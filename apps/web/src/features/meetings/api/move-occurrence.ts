import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail, OccurrenceMove } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings/:id/occurrences/move: one date of a series to another time. */
export function moveOccurrence(id: string, input: OccurrenceMove): Promise<MeetingDetail> {
  return api.post(`/meetings/${encodeURIComponent(id)}/occurrences/move`, input);
}

export function useMoveOccurrence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OccurrenceMove) => moveOccurrence(id, input),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
