/**
 * "This is a shared phone": at sign-out (or after 15 minutes idle) everything the app stored in
 * this browser for the person goes — local and session storage, IndexedDB databases, and Cache
 * Storage except the service worker's precache (the app shell: the same for everyone, and what
 * lets the next person open the app without a connection).
 */
export async function clearPersonalDeviceData(): Promise<void> {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable (private mode); nothing was kept there then.
  }
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    const databases = await indexedDB.databases().catch(() => []);
    await Promise.all(
      databases
        .map((d) => d.name)
        .filter((name): name is string => !!name)
        .map(
          (name) =>
            new Promise<void>((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = request.onblocked = () => resolve();
            }),
        ),
    );
  }
  if (typeof caches !== 'undefined') {
    const keys = await caches.keys().catch(() => [] as string[]);
    await Promise.all(keys.filter((key) => !key.startsWith('workbox-precache')).map((key) => caches.delete(key)));
  }
}

/** Fifteen minutes, as the server counts them for a shared-phone session. */
export const SHARED_DEVICE_IDLE_MS = 15 * 60_000;

const SIGNED_OUT_IDLE_KEY = 'tadamon.signedOutIdle';

/** Remembers, past the clearing and the redirect to sign-in, that the idle limit ended the session. */
export function noteSignedOutIdle(): void {
  try {
    sessionStorage.setItem(SIGNED_OUT_IDLE_KEY, '1');
  } catch {
    // no storage: the sign-in page simply does not explain
  }
}

/** Whether the last session ended for idleness (see `forgetSignedOutIdle`). */
export function signedOutIdle(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_OUT_IDLE_KEY) === '1';
  } catch {
    return false;
  }
}

export function forgetSignedOutIdle(): void {
  try {
    sessionStorage.removeItem(SIGNED_OUT_IDLE_KEY);
  } catch {
    // nothing to forget
  }
}
