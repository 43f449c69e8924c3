import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkAdmin } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

/** GET /api/admin/networks: the networks this person may edit (platform admins: all). */
export function getAdminNetworks(): Promise<{ items: NetworkAdmin[] }> {
  return api.get<{ items: NetworkAdmin[] }>('/admin/networks');
}

export const adminNetworksQueryOptions = () => queryOptions({ queryKey: adminKeys.networks, queryFn: getAdminNetworks });

export function useAdminNetworks() {
  return useQuery(adminNetworksQueryOptions());
}
