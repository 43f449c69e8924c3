import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './common/config/config.js';
import { AppModule } from './app/app.module.js';
import { stopGracefully } from './app/graceful-shutdown.js';

/**
 * Worker entry point: `node apps/api/dist/worker.js`. Consumes the BullMQ queue with the
 * same modules as the API. Without REDIS_URL there is no queue to consume: jobs then run
 * inside the API process, and this entry refuses to start.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.REDIS_URL) {
    throw new ConfigError('REDIS_URL: required by the worker (without it, jobs run inside the API).');
  }
  if (!config.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL: required by the worker (the embedded database belongs to the API).');
  }
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl: config.DATABASE_URL, consumeJobs: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  const logger = pino({ level: config.LOG_LEVEL });
  // SIGTERM: stop taking jobs, finish the running ones, then close the modules.
  stopGracefully(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
  logger.info('Tadamon worker started');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
