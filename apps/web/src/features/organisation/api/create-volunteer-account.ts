import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolunteerAccountCreate, VolunteerAccountCreated } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** POST /api/organisations/:id/volunteer-accounts: a volunteer with a phone number or a username. */
export function createVolunteerAccount(organisationId: string, body: VolunteerAccountCreate): Promise<VolunteerAccountCreated> {
  return api.post<VolunteerAccountCreated>(`/organisations/${encodeURIComponent(organisationId)}/volunteer-accounts`, body);
}

export function useCreateVolunteerAccount(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VolunteerAccountCreate) => createVolunteerAccount(organisationId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.members(organisationId) }),
  });
}
