/**
 * The service worker (built by vite-plugin-pwa, injectManifest). It caches the app shell so a
 * phone on a flaky line opens Tadamon at once, keeps the certificate verifier and issuers' keys
 * after first use, and sends the offline learning queue by Background Sync. API answers are
 * personal and marked no-store: they are never cached here.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { LEARNING_SYNC_TAG, LEARNING_SYNCED_MESSAGE, replayFromWorker } from '../features/learning/offline/background-sync';

interface SyncEvent extends Event {
  readonly tag: string;
  readonly lastChance: boolean;
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  clients: { matchAll(options?: { includeUncontrolled?: boolean }): Promise<{ postMessage(message: unknown): void }[]> };
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
}
declare const self: WorkerScope;

// Take over the page that registered the worker, so the very first visit is cached.
void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// The certificate-file verifier is large and rarely used: fetched when someone checks a file,
// then kept, never downloaded ahead by every phone.
registerRoute(
  ({ url }) => /\/assets\/credential-verifier-[^/]+\.js$/.test(url.pathname),
  new CacheFirst({ cacheName: 'credential-verifier', plugins: [new ExpirationPlugin({ maxEntries: 2 })] }),
);
// Issuers' public keys and revocation lists: a certificate checked once can be checked again
// offline (the revocation list as last seen).
registerRoute(
  ({ url }) => url.pathname.startsWith('/api/issuers/'),
  new NetworkFirst({ cacheName: 'credential-issuers', networkTimeoutSeconds: 5, plugins: [new ExpirationPlugin({ maxEntries: 50 })] }),
);

self.addEventListener('sync', (event) => {
  if (event.tag !== LEARNING_SYNC_TAG) return;
  event.waitUntil(
    replayFromWorker().then(async (outcome) => {
      const pages = await self.clients.matchAll({ includeUncontrolled: true });
      for (const page of pages) page.postMessage({ type: LEARNING_SYNCED_MESSAGE, outcome });
    }),
  );
});
