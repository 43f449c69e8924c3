import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OidcProvider } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const oidcProvidersKey = (networkId: string) => ['networks', networkId, 'oidc-providers'] as const;

/** GET /api/networks/:networkId/oidc-providers: the network's single sign-on providers. */
export function listOidcProviders(networkId: string): Promise<{ items: OidcProvider[] }> {
  return api.get<{ items: OidcProvider[] }>(`/networks/${networkId}/oidc-providers`);
}

export const oidcProvidersQueryOptions = (networkId: string) =>
  queryOptions({ queryKey: oidcProvidersKey(networkId), queryFn: () => listOidcProviders(networkId) });

export function useOidcProviders(networkId: string) {
  return useQuery(oidcProvidersQueryOptions(networkId));
}
