import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MinutesInput, MinutesResponse } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings/:id/minutes (participants) */
export function getMinutes(id: string): Promise<MinutesResponse> {
  return api.get(`/meetings/${encodeURIComponent(id)}/minutes`);
}

/** PUT /api/meetings/:id/minutes (the host) */
export function saveMinutes(id: string, input: MinutesInput): Promise<MinutesResponse> {
  return api.put(`/meetings/${encodeURIComponent(id)}/minutes`, input);
}

export const minutesQueryOptions = (id: string) => queryOptions({ queryKey: meetingKeys.minutes(id), queryFn: () => getMinutes(id) });

export function useMinutes(id: string) {
  return useQuery(minutesQueryOptions(id));
}

export function useSaveMinutes(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MinutesInput) => saveMinutes(id, input),
    onSuccess: (minutes) => queryClient.setQueryData(meetingKeys.minutes(id), minutes),
  });
}
