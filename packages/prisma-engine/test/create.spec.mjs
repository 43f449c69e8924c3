// Creating a migration after a schema change (on temp copies of schema + migrations).
import { execFile } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { createMigration, migrationsToSchemaSql } from '../src/index.mjs'
import { dropTestDatabases, query, serverUrl, tempProject, testDatabase } from './helpers.mjs'

const run = promisify(execFile)
const packageDir = fileURLToPath(new URL('..', import.meta.url))

const WIDGET = `
enum WidgetKind {
  SMALL
  LARGE
}

model Widget {
  id    Int        @id @default(autoincrement())
  name  String     @unique
  kind  WidgetKind @default(SMALL)
  notes String?
}
`

describe('creating a migration', () => {
  afterEach(dropTestDatabases)

  it('writes the expected SQL for a schema change, applies it, and then finds nothing more to do', async () => {
    const db = testDatabase('create')
    const project = await tempProject()
    try {
      await writeFile(join(project.schemaPath, 'widget.prisma'), WIDGET) // a new feature's file
      const result = await createMigration({ databaseUrl: db.url, name: 'add widget', ...project })

      expect(result.migrationName).toMatch(/^\d{14}_add_widget$/)
      const sql = await readFile(join(project.migrationsDir, result.migrationName, 'migration.sql'), 'utf8')
      expect(sql).toBe(result.script)
      expect(sql).toContain(`CREATE TYPE "WidgetKind" AS ENUM ('SMALL', 'LARGE');`)
      expect(sql).toMatch(/CREATE TABLE "Widget" \(\n\s+"id" SERIAL NOT NULL,\n\s+"name" TEXT NOT NULL,\n\s+"kind" "WidgetKind" NOT NULL DEFAULT 'SMALL',\n\s+"notes" TEXT,/)
      expect(sql).toContain('CONSTRAINT "Widget_pkey" PRIMARY KEY ("id")')
      expect(sql).toContain('CREATE UNIQUE INDEX "Widget_name_key" ON "Widget"("name");')
      expect(sql).not.toMatch(/DROP|ALTER TABLE "(?!Widget)/) // nothing else touched
      expect(await readFile(join(project.migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"')

      // Applied (after the existing ones), and the schema now matches.
      expect(result.applied.at(-1)).toBe(result.migrationName)
      const { rows } = await query(db.url, `SELECT to_regclass('public."Widget"') IS NOT NULL AS present`)
      expect(rows[0].present).toBe(true)
      expect(await migrationsToSchemaSql({ databaseUrl: serverUrl, ...project })).toBeNull()

      const again = await createMigration({ databaseUrl: db.url, name: 'nothing', ...project })
      expect(again.migrationName).toBeNull()
    } finally {
      await project.cleanup()
    }
  })

  it('`prisma migrate dev --name x --create-only` works through the schema-engine stand-in', async () => {
    const db = testDatabase('clidev')
    const project = await tempProject()
    try {
      await writeFile(join(project.schemaPath, 'widget.prisma'), WIDGET) // a new feature's file
      const env = { ...process.env, DATABASE_URL: db.url, PRISMA_SCHEMA_PATH: project.schemaPath, PRISMA_MIGRATIONS_DIR: project.migrationsDir }
      const before = await readdir(project.migrationsDir)
      const { stdout } = await run(process.execPath, ['bin/prisma.mjs', 'migrate', 'dev', '--name', 'add_widget', '--create-only'], { cwd: packageDir, env })
      expect(stdout).toContain('_add_widget')
      const added = (await readdir(project.migrationsDir)).filter((n) => !before.includes(n))
      expect(added).toHaveLength(1)
      expect(await readFile(join(project.migrationsDir, added[0], 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Widget"')

      // Then plain `migrate dev` applies it and reports the database in sync.
      const dev = await run(process.execPath, ['bin/prisma.mjs', 'migrate', 'dev', '--name', 'unused'], { cwd: packageDir, env })
      expect(dev.stdout).toMatch(/in sync|Already in sync/)
      const { rows } = await query(db.url, 'SELECT migration_name FROM _prisma_migrations WHERE migration_name = $1', [added[0]])
      expect(rows).toHaveLength(1)
    } finally {
      await project.cleanup()
    }
  })
})
