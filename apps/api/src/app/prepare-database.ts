import type { Logger } from 'pino';
import type { AppConfig } from '../common/config/config.js';
import { startEmbeddedPostgres } from '../common/database/embedded-postgres.js';
import { seedDemoIfEmpty } from '../seed/seed-demo.js';
import { atRestSecret } from '../common/crypto/secret-encryption.js';
import { seedDemoLibrary } from '../seed/seed-library.js';
import { seedWelcomeCourse } from '../seed/seed-welcome-course.js';

/**
 * Resolves the database (DATABASE_URL, or the embedded PostgreSQL), applies pending
 * migrations and seeds the demo network when asked. Returns the URL to connect to.
 */
export async function prepareDatabase(
  config: AppConfig,
  logger: Logger,
): Promise<{ url: string; stop?: () => Promise<void> }> {
  const database = config.DATABASE_URL
    ? { url: config.DATABASE_URL }
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, logger });
  if (config.MIGRATE_ON_START) {
    const { applyMigrations } = await import('@tadamon/prisma-engine');
    const { applied } = await applyMigrations({ databaseUrl: database.url });
    if (applied.length) logger.info({ applied }, 'Applied migrations');
  }
  if (config.SEED_DEMO) {
    await seedDemoIfEmpty(database.url, logger, atRestSecret(config));
    await seedWelcomeCourse(database.url, config.DATA_DIR, logger, config.FFMPEG_PATH);
    await seedDemoLibrary(database.url, config.DATA_DIR, logger);
  }
  return database;
}
