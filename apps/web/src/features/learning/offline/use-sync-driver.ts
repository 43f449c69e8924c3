import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../../lib/session';
import { useOnline } from '../../../lib/use-online';
import { learningKeys } from '../api/learning-keys';
import { LEARNING_SYNCED_MESSAGE, requestBackgroundSync } from './background-sync';
import { notifyOfflineChange, onQueued } from './offline-db';
import { replayQueue } from './sync-queue';
import { useOfflineUserId } from './use-offline-store';

/**
 * Sends the queue when it can: at every app start, when the connection returns, right after
 * something is queued while online, and when the learner asks. A failure (line dropped
 * mid-way) leaves the rest waiting and is shown, never thrown. Offline, or after a failure,
 * it also asks the service worker for a Background Sync where the browser has one, so the
 * queue goes out when the line returns even if this tab is closed by then.
 */
export function useSyncDriver() {
  const userId = useOfflineUserId();
  const online = useOnline();
  const queryClient = useQueryClient();
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const sync = useCallback(async () => {
    if (!navigator.onLine) {
      void requestBackgroundSync();
      return;
    }
    setSyncing(true);
    try {
      // A page opened offline runs on the remembered session, which has no CSRF token:
      // confirm the session with the server first (this also sets the token). Signed out
      // meanwhile: nothing is sent, and the saved data is removed with the session.
      const session = await queryClient.fetchQuery(sessionQueryOptions);
      if (session?.user.id !== userId) return;
      await replayQueue(userId);
      setError(null);
    } catch (cause) {
      setError(cause);
      void requestBackgroundSync();
    } finally {
      setSyncing(false);
    }
  }, [userId, queryClient]);

  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);
  useEffect(() => onQueued(() => void sync()), [sync]);
  // The worker sent the queue in the background: re-read it (header count, kept attempts).
  useEffect(() => {
    const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!worker) return;
    const listener = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type !== LEARNING_SYNCED_MESSAGE) return;
      notifyOfflineChange();
      void queryClient.invalidateQueries({ queryKey: learningKeys.all });
    };
    worker.addEventListener('message', listener);
    return () => worker.removeEventListener('message', listener);
  }, [queryClient]);

  return { sync, syncing, error, online };
}
