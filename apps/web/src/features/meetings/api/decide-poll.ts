import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail, MeetingPoll } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings/:id/poll/pick: the meeting is scheduled at that time. */
export function pickPollSlot(id: string, slotId: string): Promise<MeetingDetail> {
  return api.post(`/meetings/${encodeURIComponent(id)}/poll/pick`, { slotId });
}

/** POST /api/meetings/:id/poll/close: no more answers. */
export function closePoll(id: string): Promise<MeetingPoll> {
  return api.post(`/meetings/${encodeURIComponent(id)}/poll/close`);
}

export function usePickPollSlot(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotId: string) => pickPollSlot(id, slotId),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.poll(id) });
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

export function useClosePoll(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closePoll(id),
    onSuccess: (poll) => queryClient.setQueryData(meetingKeys.poll(id), poll),
  });
}
