import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail, MeetingPollCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings/polls: a meeting whose time is found with the invited people. */
export function createPoll(input: MeetingPollCreate): Promise<MeetingDetail> {
  return api.post('/meetings/polls', input);
}

export function useCreatePoll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPoll,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
