import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkAdmin, NetworkCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminKeys } from './admin-keys';

/** POST /api/admin/networks (platform admins). */
export function createNetwork(body: NetworkCreate): Promise<NetworkAdmin> {
  return api.post<NetworkAdmin>('/admin/networks', body);
}

export function useCreateNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNetwork,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.networks });
      void queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });
}
