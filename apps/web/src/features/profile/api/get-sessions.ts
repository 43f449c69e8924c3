import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ActiveSession } from '../../../lib/types';

/** GET /api/me/sessions: where this person is signed in. */
export function getSessions(): Promise<{ items: ActiveSession[] }> {
  return api.get<{ items: ActiveSession[] }>('/me/sessions');
}

export const sessionsQueryOptions = queryOptions({ queryKey: queryKeys.sessions, queryFn: getSessions });

export function useSessions() {
  return useQuery(sessionsQueryOptions);
}
