import type { SessionResponse } from '@tadamon/shared';

/**
 * What one account keeps on this device for offline use, and its removal. Saved courses live
 * in an IndexedDB database and files in a Cache Storage cache, both named after the account,
 * so another account on the same phone never opens them; sign-out (here or everywhere) deletes
 * both. The last session (without its CSRF token: no secret is kept) lets the app open with
 * no connection; it is only a label for the screens — every request still needs the cookie.
 */

const SESSION_KEY = 'tadamon.offline-session';

export const offlineDatabaseName = (userId: string) => `tadamon-offline-${userId}`;
export const offlineCacheName = (userId: string) => `tadamon-offline-files-${userId}`;

export function rememberSession(session: SessionResponse): void {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, csrfToken: '' }));
  } catch {
    // Private mode or a full device: the app simply will not open offline.
  }
}

export function rememberedSession(): SessionResponse | undefined {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as SessionResponse) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes everything this device keeps for the remembered account (sign-out, or a session ended elsewhere). */
export async function forgetOfflineAccount(): Promise<void> {
  const session = rememberedSession();
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing kept
  }
  if (!session) return;
  await deleteAccountData(session.user.id);
}

export async function deleteAccountData(userId: string): Promise<void> {
  const work: Promise<unknown>[] = [];
  if (typeof indexedDB !== 'undefined') {
    work.push(
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(offlineDatabaseName(userId));
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
    );
  }
  if (typeof caches !== 'undefined') work.push(caches.delete(offlineCacheName(userId)).catch(() => false));
  await Promise.all(work);
}
