// Programmatic API: apply / create migrations through the wasm schema engine.
// The same engine (and the same `_prisma_migrations` bookkeeping) as
// `prisma migrate deploy|dev`, without spawning the Prisma CLI.
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import {
  createDatabase,
  databaseName,
  primeMigrationSchemaCache,
  startEngine,
  stopEngine,
} from './engine.mjs'
import {
  NO_FILTER,
  defaultMigrationsDir,
  defaultSchemaPath,
  lockfileContent,
  readMigrationsList,
  readSchema,
  readSchemaFiles,
} from './migrations.mjs'

export { defaultMigrationsDir, defaultSchemaPath, repoRoot } from './migrations.mjs'
export { createDatabase, dropDatabase, withDatabase, wasmEngineVersion } from './engine.mjs'

/**
 * Key of the PostgreSQL advisory lock held while migrating. (Prisma's native
 * engine uses 72707369; we use our own so the two can never wait on each other
 * from inside one process.)
 */
export const MIGRATION_LOCK_KEY = 72707370

/**
 * @typedef {object} MigrateOptions
 * @property {string} databaseUrl PostgreSQL connection string of the database to migrate.
 * @property {string} [migrationsDir] default: <repo>/prisma/migrations
 * @property {string} [schemaPath] a schema file or folder; default: <repo>/prisma/schema
 * @property {(line: string) => void} [log] receives the engine's JSON log lines.
 */

/** Create the database if it does not exist yet (as `prisma migrate deploy` does). */
async function ensureDatabase(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  try {
    await client.connect()
    return
  } catch (error) {
    if (error.code !== '3D000') throw error // 3D000: database does not exist
  } finally {
    await client.end().catch(() => {})
  }
  try {
    await createDatabase(databaseUrl, databaseName(databaseUrl))
  } catch (error) {
    // Someone else created it in the meantime (42P04 duplicate_database, or the
    // unique index on pg_database when both CREATE DATABASE ran at once).
    if (error.code !== '42P04' && error.code !== '23505') throw error
  }
}

/**
 * Run `fn` while holding the migration advisory lock on `databaseUrl`, on a
 * dedicated connection: a second caller waits here until the first is done and
 * then finds nothing left to apply.
 */
async function withMigrationLock(databaseUrl, fn) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    return await fn()
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
    await client.end().catch(() => {})
  }
}

async function datamodelsFor(schemaPath) {
  return existsSync(schemaPath) ? readSchemaFiles(schemaPath) : undefined
}

/** Applies pending migrations with an already started engine; see applyMigrations(). */
async function applyWithEngine(engine, migrationsList) {
  // Refuse, before touching anything, histories that `migrate deploy` would
  // refuse or silently accept: failed leftovers and edited applied migrations.
  const diagnosis = await engine.diagnoseMigrationHistory({
    migrationsList,
    optInToShadowDatabase: false,
    filters: NO_FILTER,
  })
  if (diagnosis.failedMigrationNames.length > 0) {
    throw new Error(
      `Migration ${diagnosis.failedMigrationNames.join(', ')} failed earlier and is recorded as failed in ` +
        '_prisma_migrations; nothing new was applied. Fix it, then run ' +
        '`pnpm --filter @tadamon/prisma-engine run prisma -- migrate resolve --rolled-back <name>`.',
    )
  }
  if (diagnosis.editedMigrationNames.length > 0) {
    throw new Error(
      `Migration ${diagnosis.editedMigrationNames.join(', ')} was modified after it was applied ` +
        '(checksum mismatch with _prisma_migrations); refusing to migrate. Restore the original file ' +
        'and put the change in a new migration.',
    )
  }
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER })
    return appliedMigrationNames
  } catch (error) {
    // The engine runs each migration as one script (one implicit transaction),
    // so a failure leaves no partial schema; it records the failure and the
    // migration's name appears in its span trace.
    const name = /migration_name="([^"]+)"/.exec(error.message)?.[1]
    if (!name) throw error
    const reason = error.message.split('\n').find((l) => l.startsWith('Error querying the database:')) ?? error.message
    throw new Error(
      `Migration ${name} failed to apply; its changes were rolled back and it is recorded as failed in _prisma_migrations. ${reason.trim()}`,
      { cause: error },
    )
  }
}

/**
 * Apply every pending migration in `migrationsDir` to `databaseUrl` (creating
 * the database if needed), recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does. Safe to call concurrently (advisory lock) and
 * idempotent (a second call applies nothing).
 * @param {MigrateOptions} options
 * @returns {Promise<{ applied: string[] }>} names of the migrations applied by this call
 */
export async function applyMigrations({ databaseUrl, migrationsDir = defaultMigrationsDir, schemaPath = defaultSchemaPath, log }) {
  if (!databaseUrl) throw new Error('applyMigrations: databaseUrl is required')
  await ensureDatabase(databaseUrl)
  const migrationsList = await readMigrationsList(migrationsDir)
  return withMigrationLock(databaseUrl, async () => {
    const engine = await startEngine({ url: databaseUrl, datamodels: await datamodelsFor(schemaPath), log })
    try {
      return { applied: await applyWithEngine(engine, migrationsList) }
    } finally {
      await stopEngine(engine)
    }
  })
}

/** Prisma CLI-style migration name: "addWidget table" -> "add_widget_table". */
export function slugifyMigrationName(name) {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200)
}

/**
 * `prisma migrate dev --name <name>` without the CLI: apply pending migrations,
 * write a new `<timestamp>_<name>/migration.sql` for the difference between the
 * migrations and the schema (plus migration_lock.toml), then apply it unless
 * `createOnly`. Returns `migrationName: null` when the schema has no change.
 * @param {MigrateOptions & { name: string, createOnly?: boolean }} options
 * @returns {Promise<{ migrationName: string | null, path: string | null, script: string | null, applied: string[] }>}
 */
export async function createMigration({
  databaseUrl,
  name,
  createOnly = false,
  migrationsDir = defaultMigrationsDir,
  schemaPath = defaultSchemaPath,
  log,
}) {
  if (!databaseUrl) throw new Error('createMigration: databaseUrl is required')
  if (!name) throw new Error('createMigration: name is required')
  await ensureDatabase(databaseUrl)
  return withMigrationLock(databaseUrl, async () => {
    const engine = await startEngine({ url: databaseUrl, datamodels: await datamodelsFor(schemaPath), log })
    try {
      const applied = await applyWithEngine(engine, await readMigrationsList(migrationsDir))
      const migrationsList = await readMigrationsList(migrationsDir)
      const params = { migrationsList, filters: NO_FILTER }
      await primeMigrationSchemaCache(engine, params)
      const out = await engine.createMigration({
        ...params,
        draft: false,
        migrationName: slugifyMigrationName(name),
        schema: await readSchema(schemaPath),
      })
      if (out.migrationScript === null) return { migrationName: null, path: null, script: null, applied }
      const dir = join(migrationsDir, out.generatedMigrationName)
      if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`)
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, `migration.${out.extension}`), out.migrationScript)
      await writeFile(join(migrationsDir, 'migration_lock.toml'), lockfileContent(out.connectorType))
      if (!createOnly) applied.push(...(await applyWithEngine(engine, await readMigrationsList(migrationsDir))))
      return { migrationName: out.generatedMigrationName, path: dir, script: out.migrationScript, applied }
    } finally {
      await stopEngine(engine)
    }
  })
}

/**
 * SQL that takes an empty database to `schemaPath` (what `prisma migrate diff
 * --from-empty --to-schema <schema> --script` prints). `databaseUrl` only has
 * to reach a server: the wasm engine needs a connection even for pure diffs.
 * @param {{ databaseUrl: string, schemaPath?: string }} options
 */
export async function schemaToSql({ databaseUrl, schemaPath = defaultSchemaPath }) {
  return diffScript({ databaseUrl, from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...(await readSchema(schemaPath)) } })
}

/**
 * SQL that would take a database built from `migrationsDir` to `schemaPath`;
 * `null` when they already match. Uses a throwaway shadow database on the
 * server of `databaseUrl`.
 * @param {{ databaseUrl: string, migrationsDir?: string, schemaPath?: string }} options
 */
export async function migrationsToSchemaSql({ databaseUrl, migrationsDir = defaultMigrationsDir, schemaPath = defaultSchemaPath }) {
  const script = await diffScript({
    databaseUrl,
    from: { tag: 'migrations', ...(await readMigrationsList(migrationsDir)) },
    to: { tag: 'schemaDatamodel', ...(await readSchema(schemaPath)) },
    exitCode: true,
  })
  return script
}

async function diffScript({ databaseUrl, from, to, exitCode = false }) {
  const engine = await startEngine({ url: databaseUrl })
  try {
    const result = await engine.diff({ from, to, script: true, exitCode, filters: NO_FILTER })
    // With exitCode set the engine says 2 when there is a difference, 0 when none.
    if (exitCode && result.exitCode === 0) return null
    return result.stdout ?? ''
  } finally {
    await stopEngine(engine)
  }
}
