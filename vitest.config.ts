import { defineConfig } from 'vitest/config';

// Every package's own Vitest config, run together by `npm test` (browser journeys run
// separately through e2e/vitest.config.ts once the server is built).
export default defineConfig({
  test: {
    projects: [
      'packages/shared',
      'packages/prisma-engine',
      'apps/api',
      'apps/web',
      // The project's own lint rules (eslint/layers.js).
      { test: { name: 'lint-rules', include: ['eslint/**/*.spec.mjs'], environment: 'node' } },
    ],
  },
});
