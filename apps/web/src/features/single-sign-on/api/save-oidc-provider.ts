import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OidcProvider, OidcProviderCreate, OidcProviderUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { oidcProvidersKey } from './list-oidc-providers';

/** POST /api/networks/:networkId/oidc-providers, or PATCH /api/oidc-providers/:id (blank secret keeps it). */
export function saveOidcProvider(input: { networkId: string; id?: string; body: OidcProviderCreate | OidcProviderUpdate }) {
  return input.id
    ? api.patch<OidcProvider>(`/oidc-providers/${input.id}`, input.body)
    : api.post<OidcProvider>(`/networks/${input.networkId}/oidc-providers`, input.body);
}

export function useSaveOidcProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOidcProvider,
    onSuccess: (saved) => queryClient.invalidateQueries({ queryKey: oidcProvidersKey(saved.networkId) }),
  });
}
