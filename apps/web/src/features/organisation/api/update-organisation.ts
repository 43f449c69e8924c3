import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organisationUpdateSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OrganisationDetail } from '../../../lib/types';

export type OrganisationUpdate = z.output<typeof organisationUpdateSchema>;

/** PATCH /api/organisations/:id: the organisation's contact page. */
export function updateOrganisation(id: string, body: OrganisationUpdate): Promise<OrganisationDetail> {
  return api.patch<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`, body);
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationUpdate) => updateOrganisation(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.organisation(id), updated);
      // Name, country or type may have changed: directory pages show them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.directoryAll });
    },
  });
}
