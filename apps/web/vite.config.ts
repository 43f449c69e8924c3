import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Packages (and Mantine's own core) that the entry always runs.
const FRAMEWORK =
  /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|i18next|react-i18next|clsx)[\\/]|node_modules[\\/]@mantine[\\/]core[\\/]esm[\\/]core[\\/]/;
// Parts of those packages only some screens use.
const NOT_FRAMEWORK = /Trans(WithoutContext)?\.js|html-parse-stringify|[iI]nfiniteQuery/;
// Mantine components of the sign-in form and the public and signed-in frames.
const MANTINE_BASICS =
  /node_modules[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Paper|Text|Title|Skeleton|VisuallyHidden|Input|InputBase|NativeSelect|Button|Alert|Transition|CloseButton|Loader|Group|Stack|Checkbox|InlineInput|PasswordInput|ActionIcon|TextInput|Anchor|Box|UnstyledButton|DirectionProvider|Container)[\\/]/;

// The app's own modules that the entry and the sign-in page run, which lazy screens import too
// (so the bundler would otherwise give each its own small file).
const APP_START =
  /apps[\\/]web[\\/]src[\\/](lib[\\/](api-client|session|offline-account|query-keys|languages|i18n|use-change-language|device-data|first-screen|form-errors)|components[\\/](error-alert|page-skeleton|language-options))\.tsx?$|packages[\\/]shared[\\/]dist[\\/]progress-states|vite[\\/]preload-helper/;

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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Without groups the first screen arrives as ~58 files of 1–5 kB. On a 300 ms line each
          // file costs ~1 kB of response headers and a place among the browser's six
          // connections. The libraries every screen runs (React, the router, react-query,
          // i18next, Mantine's core and the components of the sign-in form and the app's frame)
          // travel as one file; what a single screen needs stays in that screen's chunk.
          groups: [
            { name: 'framework', test: (id) => (FRAMEWORK.test(id) || MANTINE_BASICS.test(id)) && !NOT_FRAMEWORK.test(id) },
            { name: 'start', test: APP_START, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
