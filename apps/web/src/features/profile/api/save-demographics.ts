import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemographicsUpdate, MyDemographics } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { demographicsKey } from './get-demographics';

/** PUT /api/me/demographics: saves one's answers with explicit consent to the shown explanation. */
export function saveDemographics(body: DemographicsUpdate): Promise<MyDemographics> {
  return api.put<MyDemographics>('/me/demographics', body);
}

export function useSaveDemographics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDemographics,
    onSuccess: (saved) => queryClient.setQueryData(demographicsKey, saved),
  });
}
