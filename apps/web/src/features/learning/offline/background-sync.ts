import type { SessionResponse } from '@tadamon/shared';
import { api, isApiError, setCsrfToken } from '../../../lib/api-client';
import { offlineDatabaseName } from '../../../lib/offline-account';
import { replayQueue, type SyncSummary } from './sync-queue';

/**
 * Background Sync (where the browser has it, e.g. Chrome on Android): the page asks the
 * service worker to send the queue once the connection returns, even if the tab was closed
 * meanwhile. Browsers without it keep the page's own replay (at every start and on reconnect).
 */
export const LEARNING_SYNC_TAG = 'learning-sync';
/** Posted by the worker to the open pages after it sent the queue, so they re-read it. */
export const LEARNING_SYNCED_MESSAGE = 'learning-synced';

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks for a background sync; false where the browser has no Background Sync or no worker. */
export async function requestBackgroundSync(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & SyncRegistration) | undefined;
    if (!registration?.sync) return false;
    await registration.sync.register(LEARNING_SYNC_TAG);
    return true;
  } catch {
    // Refused (e.g. the site's background-sync permission is off): the page replays instead.
    return false;
  }
}

export type WorkerReplay = { sent: true; userId: string; summary: SyncSummary } | { sent: false; why: 'signed-out' | 'nothing-saved' };

/**
 * What the service worker does on the 'sync' event. The worker has no page state: it asks the
 * server whose session the cookie carries (which also gives the CSRF token), and replays only
 * that account's queue — never one account's work under another's cookie. Signed out: nothing
 * is sent (sign-out removes the saved data). A dropped line rejects, so the browser tries again.
 */
export async function replayFromWorker(replay: (userId: string) => Promise<SyncSummary> = replayQueue): Promise<WorkerReplay> {
  let session: SessionResponse;
  try {
    session = await api.get<SessionResponse>('/auth/session');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return { sent: false, why: 'signed-out' };
    throw error;
  }
  setCsrfToken(session.csrfToken);
  if (!(await hasOfflineDatabase(session.user.id))) return { sent: false, why: 'nothing-saved' };
  return { sent: true, userId: session.user.id, summary: await replay(session.user.id) };
}

/** Opening a database creates it: look first, so a worker never leaves an empty one behind. */
async function hasOfflineDatabase(userId: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  const names = (await indexedDB.databases()).map((database) => database.name);
  return names.includes(offlineDatabaseName(userId));
}
