// Prisma CLI configuration used by this package's migrate:* scripts (see bin/prisma.mjs).
// Paths are relative to this file. Prisma 7 no longer reads the URL from the schema;
// the schema is a folder of .prisma files, one per feature.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: process.env.PRISMA_SCHEMA_PATH ?? '../../prisma/schema',
  migrations: { path: process.env.PRISMA_MIGRATIONS_DIR ?? '../../prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
})
