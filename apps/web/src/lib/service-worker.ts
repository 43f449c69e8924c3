import { firstScreen } from './first-screen';

const afterLoad = () =>
  new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });

const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (window.requestIdleCallback) window.requestIdleCallback(() => resolve(), { timeout: 5000 });
    else window.setTimeout(resolve, 1000);
  });

/**
 * Registers the service worker that caches the app shell (vite-plugin-pwa). Only in built
 * bundles: during development and unit tests there is no worker to register. The worker
 * precaches the whole app (~300 files, 2 MB) as soon as it is installed, so it waits until the
 * first screen shows and the page is idle: on a 400 kbit/s line, registering at the window's
 * load event made that precache compete with the sign-in page's own chunks and translations.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void firstScreen
    .then(afterLoad)
    .then(whenIdle)
    .then(() => import('virtual:pwa-register'))
    .then(({ registerSW }) => registerSW({ immediate: true }));
}
