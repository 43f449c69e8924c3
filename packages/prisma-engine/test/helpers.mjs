// Shared test helpers: throwaway databases on the test server and a comparable
// snapshot of a database's schema read from the PostgreSQL catalogues.
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createDatabase, dropDatabase, withDatabase, defaultMigrationsDir, defaultSchemaPath } from '../src/index.mjs'

/** Any database on the test server; only its host/port/credentials are used. */
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

const created = []

/** Name (not yet created) and URL of a uniquely named database, dropped by dropTestDatabases(). */
export function testDatabase(label = 'db') {
  const name = `pe_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`
  created.push(name)
  return { name, url: withDatabase(serverUrl, name) }
}

/** Like testDatabase(), but the database exists (empty). */
export async function emptyTestDatabase(label) {
  const db = testDatabase(label)
  await createDatabase(serverUrl, db.name)
  return db
}

export async function dropTestDatabases() {
  for (const name of created.splice(0)) await dropDatabase(serverUrl, name)
}

/** Temp copy of the schema folder (prisma/schema/) and prisma/migrations. */
export async function tempProject() {
  const dir = await mkdtemp(join(tmpdir(), 'prisma-engine-test-'))
  const schemaPath = join(dir, 'schema')
  const migrationsDir = join(dir, 'migrations')
  await cp(defaultSchemaPath, schemaPath, { recursive: true })
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true })
  return { dir, schemaPath, migrationsDir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/**
 * Everything about the `public` schema that a migration can get wrong, as
 * plain sorted data: tables, columns (type, nullability, default), indexes,
 * constraints (primary, unique, foreign keys, checks) and enums with their
 * values in order. Prisma's own `_prisma_migrations` table is left out.
 * Column order is left out too: ALTER TABLE ADD COLUMN appends, which is not a
 * difference Prisma cares about.
 */
export async function catalogue(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const rows = async (sql) => (await client.query(sql)).rows
    return {
      tables: await rows(`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`),
      columns: await rows(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, numeric_scale, datetime_precision
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await rows(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await rows(`
        SELECT rel.relname AS table_name, con.conname, con.contype::text AS type,
               pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
        ORDER BY rel.relname, con.conname`),
      enums: await rows(`
        SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public'
        GROUP BY t.typname ORDER BY t.typname`),
    }
  } finally {
    await client.end()
  }
}
