import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // The app shell (HTML, JS, CSS, translations) is cached by a service worker, so a phone
    // on a flaky line opens Tadamon at once and shows the offline banner instead of nothing.
    // API answers are personal and marked no-store: they are never cached.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Tadamon',
        short_name: 'Tadamon',
        description: 'Training intranet for volunteer organisations and their networks',
        theme_color: '#1971c2',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
        // The certificate-file verifier is large and rarely used: fetched when someone checks a
        // file, then kept (below), never downloaded ahead by every phone.
        globIgnores: ['**/credential-verifier-*.js'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/assets\/credential-verifier-[^/]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'credential-verifier', expiration: { maxEntries: 2 } },
          },
          {
            // Issuers' public keys and revocation lists: a certificate checked once can be
            // checked again offline (the revocation list as last seen).
            urlPattern: ({ url }) => url.pathname.startsWith('/api/issuers/'),
            handler: 'NetworkFirst',
            options: { cacheName: 'credential-issuers', networkTimeoutSeconds: 5, expiration: { maxEntries: 50 } },
          },
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Take over the page that registered the worker, so the very first visit is cached.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Volunteers use old phones: ship syntax that Android WebViews from 2020 understand.
    target: ['chrome87', 'firefox78', 'safari14', 'edge88'],
    // Report gzip sizes in the build output; the first-route budget is checked against them.
    reportCompressedSize: true,
  },
});
