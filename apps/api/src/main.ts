import 'reflect-metadata';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './common/config/config.js';
import { prepareDatabase } from './app/prepare-database.js';
import { createHttpApp } from './app/create-http-app.js';
import { stopGracefully } from './app/graceful-shutdown.js';

/** HTTP entry point: `node apps/api/dist/main.js`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const database = await prepareDatabase(config, logger);
  const app = await createHttpApp({
    config,
    databaseUrl: database.url,
    consumeJobs: config.RUN_WORKER_IN_API,
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info(`Tadamon is listening on ${config.publicUrl}`);
  stopGracefully(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger, after: async () => database.stop?.() });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Tadamon could not start:', error);
  }
  process.exit(1);
});
