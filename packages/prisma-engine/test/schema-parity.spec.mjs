// The migrations in prisma/migrations must build exactly the schema described by
// the schema (prisma/schema/). Proven independently of `prisma migrate diff`: database A
// is built from the migrations, database B from the SQL the engine renders for
// "empty -> schema", and their catalogues must be identical.
import { readFile, writeFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyMigrations, migrationsToSchemaSql, schemaToSql } from '../src/index.mjs'
import { catalogue, dropTestDatabases, emptyTestDatabase, query, serverUrl, tempProject, testDatabase } from './helpers.mjs'

/** Catalogue of a database built from the SQL the engine renders for the schema. */
async function catalogueFromSchema(schemaPath) {
  const db = await emptyTestDatabase('schema')
  await query(db.url, await schemaToSql({ databaseUrl: serverUrl, schemaPath }))
  return catalogue(db.url)
}

async function catalogueFromMigrations(options = {}) {
  const db = testDatabase('migrations')
  await applyMigrations({ databaseUrl: db.url, ...options })
  return catalogue(db.url)
}

describe('migrations match the schema', () => {
  afterEach(dropTestDatabases)

  it('applying every migration to an empty database yields the schema of prisma/schema/', async () => {
    const fromMigrations = await catalogueFromMigrations()
    const fromSchema = await catalogueFromSchema()

    // Not vacuous: the schema really has tables, columns, constraints and enums.
    expect(fromSchema.tables.length).toBeGreaterThan(0)
    expect(fromSchema.constraints.some((c) => c.type === 'f')).toBe(true)
    expect(fromSchema.enums.length).toBeGreaterThan(0)

    expect(fromMigrations).toEqual(fromSchema)
    // And the engine's own diff agrees.
    expect(await migrationsToSchemaSql({ databaseUrl: serverUrl })).toBeNull()
  })

  it('the comparison catches a migration folder with one column missing', async () => {
    const project = await tempProject()
    try {
      // Drop, from the first migration, a column no index or key refers to.
      const [first] = (await readdir(project.migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()
      const file = join(project.migrationsDir, first, 'migration.sql')
      const sql = await readFile(file, 'utf8')
      const lines = sql.split('\n')
      const victim = lines.findIndex((line) => {
        const column = /^\s+"([^"]+)" [^,]*,$/.exec(line)?.[1]
        return column && sql.split(`"${column}"`).length === 2 // mentioned exactly once
      })
      expect(victim).toBeGreaterThan(-1)
      const column = /"([^"]+)"/.exec(lines[victim])[1]
      lines.splice(victim, 1)
      await writeFile(file, lines.join('\n'))

      const broken = await catalogueFromMigrations({ migrationsDir: project.migrationsDir })
      const fromSchema = await catalogueFromSchema()
      expect(broken).not.toEqual(fromSchema)
      const missing = fromSchema.columns.filter((c) => !broken.columns.some((b) => b.table_name === c.table_name && b.column_name === c.column_name))
      expect(missing.map((c) => c.column_name)).toEqual([column])
      expect(await migrationsToSchemaSql({ databaseUrl: serverUrl, migrationsDir: project.migrationsDir })).toContain(`"${column}"`)
    } finally {
      await project.cleanup()
    }
  })
})
