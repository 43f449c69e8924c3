import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingAnswer, MeetingDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** PUT /api/meetings/:id/registration, or DELETE it (answer null) */
export function setRegistration(id: string, answer: MeetingAnswer | null): Promise<MeetingDetail> {
  const path = `/meetings/${encodeURIComponent(id)}/registration`;
  return answer ? api.put(path, { answer }) : api.delete(path);
}

export function useSetRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: MeetingAnswer | null) => setRegistration(id, answer),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.attendees(id) });
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
