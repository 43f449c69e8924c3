import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingPoll, PollAnswersInput } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** PUT /api/meetings/:id/poll/answers */
export function answerPoll(id: string, input: PollAnswersInput): Promise<MeetingPoll> {
  return api.put(`/meetings/${encodeURIComponent(id)}/poll/answers`, input);
}

export function useAnswerPoll(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PollAnswersInput) => answerPoll(id, input),
    onSuccess: (poll) => queryClient.setQueryData(meetingKeys.poll(id), poll),
  });
}
