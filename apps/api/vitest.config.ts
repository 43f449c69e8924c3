import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    root: import.meta.dirname,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file gets its own database and Redis prefix, so files can run side by side.
    pool: 'forks',
    // A worker keeps the modules it imported from one file to the next: evaluating the whole
    // app (Nest, the Prisma client, the S3 and credential libraries) cost each of the ~90 files
    // about 7 s of CPU before its first test (5 files: 57 s of CPU isolated, 22 s not). Nothing
    // in a file leaks to the next: each starts and closes its own app, database and Redis
    // prefix; the API keeps no per-run module state (fold tables, font and dummy-hash caches).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
