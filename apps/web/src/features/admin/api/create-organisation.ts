import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organisationCreateSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OrganisationDetail } from '../../../lib/types';
import { adminKeys } from './admin-keys';

export type OrganisationCreate = z.output<typeof organisationCreateSchema>;

/** POST /api/organisations: a new organisation in a network. */
export function createOrganisation(body: OrganisationCreate): Promise<OrganisationDetail> {
  return api.post<OrganisationDetail>('/organisations', body);
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.directoryAll });
      void queryClient.invalidateQueries({ queryKey: adminKeys.networks });
    },
  });
}
