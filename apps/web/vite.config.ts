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
      // Our own worker (src/service-worker/sw.ts): the app shell as before, plus Background
      // Sync of the offline learning queue, which a generated worker cannot do.
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
        // The certificate-file verifier is large and rarely used: fetched when someone checks a
        // file, then kept by the worker, never downloaded ahead by every phone.
        globIgnores: ['**/credential-verifier-*.js'],
        // A classic script: every browser that has service workers can run it.
        rollupFormat: 'iife',
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
