#!/usr/bin/env node
// Runs the ordinary Prisma CLI with our wasm-backed schema engine stand-in.
//   node bin/prisma.mjs migrate deploy
//   node bin/prisma.mjs migrate dev --name add_x [--create-only]
//   node bin/prisma.mjs migrate status
// DATABASE_URL must be set. Config: ../prisma.config.mjs (schema and migrations
// in <repo>/prisma unless PRISMA_SCHEMA_PATH / PRISMA_MIGRATIONS_DIR say otherwise).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js')

// `pnpm run migrate:dev -- --name x` may hand us a literal "--", which Prisma's
// argument parser would read as "end of options".
const args = process.argv.slice(2).filter((a) => a !== '--')
if (!args.includes('--config')) args.push('--config', here('../prisma.config.mjs'))

const result = spawnSync(process.execPath, [prismaCli, ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: here('./schema-engine.mjs'),
    // Nothing to download or report home: we are offline.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
})
process.exit(result.status ?? 1)
