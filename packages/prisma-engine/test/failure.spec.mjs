// A migration that fails must leave nothing half-applied and say which one failed.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyMigrations } from '../src/index.mjs'
import { dropTestDatabases, query, tempProject, testDatabase } from './helpers.mjs'

describe('a failing migration', () => {
  afterEach(dropTestDatabases)

  it('is rolled back as a whole and reported by name', async () => {
    const db = testDatabase('failing')
    const project = await tempProject()
    try {
      const broken = '29991231235959_broken'
      await mkdir(join(project.migrationsDir, broken))
      await writeFile(
        join(project.migrationsDir, broken, 'migration.sql'),
        [
          '-- CreateTable',
          'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL, "note" TEXT DEFAULT \'a;b\');',
          'INSERT INTO "HalfDone" VALUES (1);',
          '-- this statement fails',
          'ALTER TABLE "HalfDone" ADD COLUMN "x" no_such_type;',
          '',
        ].join('\n'),
      )

      const attempt = applyMigrations({ databaseUrl: db.url, migrationsDir: project.migrationsDir })
      await expect(attempt).rejects.toThrow(new RegExp(`Migration ${broken} failed to apply.*no_such_type`, 's'))

      // Nothing of the broken migration exists...
      const { rows: tables } = await query(db.url, `SELECT to_regclass('public."HalfDone"') AS t`)
      expect(tables[0].t).toBeNull()
      // ...the earlier migrations are applied, and the failure is on record.
      const { rows } = await query(db.url, 'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY 1')
      expect(rows.at(-1)).toEqual({ migration_name: broken, finished_at: null })
      expect(rows.slice(0, -1).every((r) => r.finished_at instanceof Date)).toBe(true)

      // A later deploy refuses to go on past a failed migration.
      await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: project.migrationsDir })).rejects.toThrow(
        new RegExp(`${broken} failed earlier`),
      )
    } finally {
      await project.cleanup()
    }
  })
})
