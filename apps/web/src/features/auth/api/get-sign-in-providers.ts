import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OidcSignInOption } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/auth/oidc/providers: the networks' single sign-on providers, for the sign-in page. */
export function getSignInProviders(): Promise<{ items: OidcSignInOption[] }> {
  return api.get<{ items: OidcSignInOption[] }>('/auth/oidc/providers');
}

export const signInProvidersQueryOptions = queryOptions({
  queryKey: ['auth', 'oidc-providers'],
  queryFn: getSignInProviders,
  staleTime: 10 * 60_000,
});

export function useSignInProviders() {
  return useQuery(signInProvidersQueryOptions);
}
