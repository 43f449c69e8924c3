import { useCallback, useEffect, useState } from 'react';
import { useOnline } from '../../../lib/use-online';
import { onQueued } from './offline-db';
import { replayQueue } from './sync-queue';
import { useOfflineUserId } from './use-offline-store';

/**
 * Sends the queue when it can: at every app start, when the connection returns, right after
 * something is queued while online, and when the learner asks. A failure (line dropped
 * mid-way) leaves the rest waiting and is shown, never thrown.
 */
export function useSyncDriver() {
  const userId = useOfflineUserId();
  const online = useOnline();
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      await replayQueue(userId);
      setError(null);
    } catch (cause) {
      setError(cause);
    } finally {
      setSyncing(false);
    }
  }, [userId]);

  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);
  useEffect(() => onQueued(() => void sync()), [sync]);

  return { sync, syncing, error, online };
}
