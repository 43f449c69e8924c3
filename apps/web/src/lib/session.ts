import { useRef } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@tadamon/shared';
import { api, isApiError, setCsrfToken } from './api-client';
import { forgetOfflineAccount, rememberedSession, rememberSession } from './offline-account';
import { queryKeys } from './query-keys';

export type Session = SessionResponse;

/** GET /api/auth/session: the signed-in person, or null when signed out (401). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrfToken);
    // Another account signed in on this phone: the previous one's saved courses go.
    if (rememberedSession()?.user.id !== session.user.id) await forgetOfflineAccount();
    rememberSession(session);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      // Signed out, here or everywhere: what this account saved for offline use goes too.
      await forgetOfflineAccount();
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: queryKeys.session,
  queryFn: getSession,
  staleTime: 5 * 60_000,
  // Opened with no connection: the last session lets saved courses open; it is checked
  // again (and replaced) as soon as the connection returns.
  initialData: () => (typeof navigator !== 'undefined' && navigator.onLine === false ? rememberedSession() : undefined),
  initialDataUpdatedAt: 0,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The session when the caller sits inside a signed-in route (RequireSession guarantees it). */
export function useSignedInSession(): Session {
  const { data } = useSession();
  // Just after sign-out a screen may render once more before the guard redirects it:
  // keep showing the last session for that one render instead of failing.
  const last = useRef<Session | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSignedInSession used outside a signed-in route');
  return last.current;
}

export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session) rememberSession(session);
    else void forgetOfflineAccount();
    if (!session) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    queryClient.setQueryData(queryKeys.session, session);
  };
}

/** The organisation a leader leads (first one), if any. */
export function ledOrganisationId(session: Session): string | null {
  return session.memberships.find((m) => m.role === 'ORG_LEADER')?.organisationId ?? null;
}

export function isCoordinator(session: Session): boolean {
  return session.primaryRole === 'COORDINATOR' || session.primaryRole === 'PLATFORM_ADMIN';
}

/** Leaders manage their own organisation; coordinators any organisation of their networks. */
export function canManageOrganisation(session: Session, organisation: { id: string; networkId: string }): boolean {
  if (session.user.isPlatformAdmin) return true;
  if (session.memberships.some((m) => m.organisationId === organisation.id && m.role === 'ORG_LEADER')) return true;
  return session.networkRoles.some(
    (r) => r.networkId === organisation.networkId && (r.role === 'COORDINATOR' || r.role === 'PLATFORM_ADMIN'),
  );
}
