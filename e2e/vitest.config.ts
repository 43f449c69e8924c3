import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser-test libraries live in apps/web's devDependencies (the root package.json is
// not ours to change); resolve them from there.
const fromWeb = createRequire(fileURLToPath(new URL('../apps/web/package.json', import.meta.url)));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      'playwright-core': fromWeb.resolve('playwright-core'),
      '@axe-core/playwright': fromWeb.resolve('@axe-core/playwright'),
      pg: fromWeb.resolve('pg'),
    },
  },
  test: {
    name: 'e2e',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
