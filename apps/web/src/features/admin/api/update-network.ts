import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkAdmin, NetworkUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminKeys } from './admin-keys';

/** PATCH /api/admin/networks/:id: name, description, languages (in fallback order), time zone. */
export function updateNetwork(id: string, body: NetworkUpdate): Promise<NetworkAdmin> {
  return api.patch<NetworkAdmin>(`/admin/networks/${encodeURIComponent(id)}`, body);
}

export function useUpdateNetwork(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkUpdate) => updateNetwork(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.networks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });
}
