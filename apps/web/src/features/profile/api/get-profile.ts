import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { CurrentUser } from '../../../lib/types';

/** GET /api/me/profile */
export function getProfile(): Promise<CurrentUser> {
  return api.get<CurrentUser>('/me/profile');
}

export const profileQueryOptions = queryOptions({ queryKey: queryKeys.profile, queryFn: getProfile });

export function useProfile() {
  return useQuery(profileQueryOptions);
}
