import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings/:id/cancel */
export function cancelMeeting(id: string): Promise<MeetingDetail> {
  return api.post(`/meetings/${encodeURIComponent(id)}/cancel`);
}

export function useCancelMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelMeeting(id),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
