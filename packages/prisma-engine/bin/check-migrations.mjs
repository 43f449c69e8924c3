#!/usr/bin/env node
// Exit 1 (printing the missing SQL) if prisma/migrations does not build the
// schema in prisma/schema/. Needs a PostgreSQL server for the throwaway
// shadow database: DATABASE_URL (any database on that server).
//   node bin/check-migrations.mjs [--schema path] [--migrations dir]
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { migrationsToSchemaSql, defaultMigrationsDir, defaultSchemaPath } from '../src/index.mjs'

const { values } = parseArgs({ options: { schema: { type: 'string' }, migrations: { type: 'string' } } })
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const sql = await migrationsToSchemaSql({
  databaseUrl,
  schemaPath: values.schema ? resolve(values.schema) : defaultSchemaPath,
  migrationsDir: values.migrations ? resolve(values.migrations) : defaultMigrationsDir,
})
if (sql === null) {
  console.log('Migrations match the schema.')
} else {
  console.error('The migrations do not build the schema. Missing SQL:\n\n' + sql)
  process.exitCode = 1
}
