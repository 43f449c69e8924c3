import { QueryCache, QueryClient, onlineManager } from '@tanstack/react-query';
import { isApiError } from './api-client';
import { queryKeys } from './query-keys';

/** Client errors (4xx) will not change on retry; network drops and 5xx often do. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
    return false;
  }
  return failureCount < 4;
}

export function createQueryClient(): QueryClient {
  // react-query assumes "online" until an event says otherwise; a page opened with no
  // connection at all (from the service worker's cache) must start paused, not failing.
  if (typeof navigator !== 'undefined' && navigator.onLine === false) onlineManager.setOnline(false);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended (expired, or signed out on another device):
      // ask again, and the guard sends the person to sign-in.
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== queryKeys.session[0]) {
          void client.invalidateQueries({ queryKey: queryKeys.session });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
        staleTime: 30_000,
        // Slow, metered connections: refetch on reconnect, not on every tab switch.
        refetchOnWindowFocus: false,
        refetchOnReconnect: true,
      },
      mutations: {
        retry: false,
        // Fail at once when offline so the form can say so, rather than wait silently.
        networkMode: 'always',
      },
    },
  });
  return client;
}
