// Types for src/index.mjs (hand-written: the package has no build step).

export interface MigrateOptions {
  /** PostgreSQL connection string of the database to migrate (created if missing). */
  databaseUrl: string
  /** Default: <repo>/prisma/migrations */
  migrationsDir?: string
  /** A schema file or a folder of .prisma files. Default: <repo>/prisma/schema */
  schemaPath?: string
  /** Receives the engine's JSON log lines. */
  log?: (line: string) => void
}

/** Key of the PostgreSQL advisory lock held while migrating. */
export declare const MIGRATION_LOCK_KEY: number
export declare const repoRoot: string
export declare const defaultSchemaPath: string
export declare const defaultMigrationsDir: string

/**
 * Apply pending migrations, recording them in `_prisma_migrations` like
 * `prisma migrate deploy`. Concurrency-safe (advisory lock) and idempotent.
 */
export declare function applyMigrations(options: MigrateOptions): Promise<{ applied: string[] }>

/** `prisma migrate dev --name <name> [--create-only]` without the CLI. */
export declare function createMigration(
  options: MigrateOptions & { name: string; createOnly?: boolean },
): Promise<{ migrationName: string | null; path: string | null; script: string | null; applied: string[] }>

/** SQL taking an empty database to the schema (`migrate diff --from-empty --to-schema --script`). */
export declare function schemaToSql(options: { databaseUrl: string; schemaPath?: string }): Promise<string>

/** SQL still needed after the migrations to reach the schema; `null` when they match. */
export declare function migrationsToSchemaSql(options: {
  databaseUrl: string
  migrationsDir?: string
  schemaPath?: string
}): Promise<string | null>

export declare function slugifyMigrationName(name: string): string
export declare function createDatabase(serverUrl: string, name: string): Promise<void>
/** DROP DATABASE IF EXISTS ... WITH (FORCE) */
export declare function dropDatabase(serverUrl: string, name: string): Promise<void>
/** `url` with its database name replaced. */
export declare function withDatabase(url: string, database: string): string
export declare function wasmEngineVersion(): Promise<string>
