// Works standalone (`pnpm --filter @tadamon/prisma-engine test`) and as the
// `prisma-engine` project of the repo's root Vitest config.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'prisma-engine',
    include: ['test/**/*.spec.mjs', 'src/**/*.spec.mjs'],
    // Each test builds real PostgreSQL databases (and shadow databases).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
