/**
 * Registers the service worker that caches the app shell (vite-plugin-pwa). Only in built
 * bundles: during development and unit tests there is no worker to register. Loaded after
 * the first paint so it never delays the sign-in page.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  });
}
