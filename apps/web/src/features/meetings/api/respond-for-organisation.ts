import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail, OrganisationResponseInput } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** PUT /api/meetings/:id/organisations/:organisationId/response */
export function respondForOrganisation(id: string, organisationId: string, input: OrganisationResponseInput): Promise<MeetingDetail> {
  return api.put(`/meetings/${encodeURIComponent(id)}/organisations/${encodeURIComponent(organisationId)}/response`, input);
}

export function useRespondForOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, ...input }: OrganisationResponseInput & { organisationId: string }) =>
      respondForOrganisation(id, organisationId, input),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.attendees(id) });
    },
  });
}
