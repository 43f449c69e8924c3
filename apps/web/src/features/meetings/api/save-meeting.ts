import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingCreate, MeetingDetail, MeetingUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** POST /api/meetings */
export function createMeeting(input: MeetingCreate): Promise<MeetingDetail> {
  return api.post('/meetings', input);
}

/** PUT /api/meetings/:id (the whole meeting, as the form shows it) */
export function updateMeeting(id: string, input: MeetingUpdate): Promise<MeetingDetail> {
  return api.put(`/meetings/${encodeURIComponent(id)}`, input);
}

export function useSaveMeeting(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingCreate) => {
      if (!id) return createMeeting(input);
      const { hostOrganisationId: _host, ...update } = input;
      return updateMeeting(id, update);
    },
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}
