import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
