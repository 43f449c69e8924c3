// Applying migrations: bookkeeping, idempotence, concurrency, edited migrations,
// and the Prisma CLI driving our schema-engine stand-in.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFile, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { applyMigrations, defaultMigrationsDir } from '../src/index.mjs'
import { dropTestDatabases, query, tempProject, testDatabase } from './helpers.mjs'

const run = promisify(execFile)
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const migrationNames = async (dir = defaultMigrationsDir) =>
  (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()

describe('applyMigrations', () => {
  afterEach(dropTestDatabases)

  it('creates the database, records every migration in _prisma_migrations, and is idempotent', async () => {
    const db = testDatabase('deploy')
    const all = await migrationNames()
    expect(all.length).toBeGreaterThan(0)

    expect(await applyMigrations({ databaseUrl: db.url })).toEqual({ applied: all })
    expect(await applyMigrations({ databaseUrl: db.url })).toEqual({ applied: [] })

    const { rows } = await query(db.url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name')
    expect(rows.map((r) => r.migration_name)).toEqual(all)
    for (const row of rows) {
      const sql = await readFile(join(defaultMigrationsDir, row.migration_name, 'migration.sql'))
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'))
      expect(row.finished_at).toBeInstanceOf(Date)
      expect(row.rolled_back_at).toBeNull()
      expect(row.applied_steps_count).toBe(1)
    }
  })

  it('two processes deploying to the same empty database at once both succeed and apply each migration once', async () => {
    const db = testDatabase('concurrent')
    const script = `
      import { applyMigrations } from '@tadamon/prisma-engine'
      const result = await applyMigrations({ databaseUrl: process.env.DATABASE_URL })
      console.log(JSON.stringify(result))`
    const deploy = () =>
      run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir, env: { ...process.env, DATABASE_URL: db.url } })
    const results = (await Promise.all([deploy(), deploy()])).map((r) => JSON.parse(r.stdout).applied)

    const all = await migrationNames()
    expect(results.flat().sort()).toEqual(all) // each applied exactly once, by one of them
    const { rows } = await query(db.url, 'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1')
    expect(rows).toEqual(all.map((name) => ({ migration_name: name, n: 1 })))
  })

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const db = testDatabase('edited')
    const project = await tempProject()
    try {
      await applyMigrations({ databaseUrl: db.url, migrationsDir: project.migrationsDir })
      const [first] = await migrationNames(project.migrationsDir)
      await appendFile(join(project.migrationsDir, first, 'migration.sql'), '\n-- edited\n')
      await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: project.migrationsDir })).rejects.toThrow(
        new RegExp(`${first} was modified after it was applied`),
      )
    } finally {
      await project.cleanup()
    }
  })
})

describe('prisma CLI with the schema-engine stand-in', () => {
  afterEach(dropTestDatabases)

  it('`prisma migrate deploy` and `prisma migrate status` work', async () => {
    const db = testDatabase('cli')
    const prisma = (...args) =>
      run(process.execPath, ['bin/prisma.mjs', ...args], { cwd: packageDir, env: { ...process.env, DATABASE_URL: db.url } })

    const deploy = await prisma('migrate', 'deploy')
    expect(deploy.stdout).toContain('All migrations have been successfully applied.')
    const again = await prisma('migrate', 'deploy')
    expect(again.stdout).toContain('No pending migrations to apply.')
    const status = await prisma('migrate', 'status')
    expect(status.stdout).toContain('Database schema is up to date!')

    const { rows } = await query(db.url, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1')
    expect(rows.map((r) => r.migration_name)).toEqual(await migrationNames())
  })
})
