import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '../../src/common/config/config.js';
import { createHttpApp } from '../../src/app/create-http-app.js';
import { PrismaService } from '../../src/common/database/prisma.service.js';
import type { Queue } from 'bullmq';
import { JobQueue } from '../../src/common/jobs/job-queue.js';
import { JobBackend } from '../../src/common/jobs/job-backend.js';
import { BullMqJobQueue } from '../../src/common/jobs/bullmq-job.queue.js';
import { OutboxRelay } from '../../src/common/jobs/outbox-relay.js';
import { createTestDatabase } from './test-database.js';
import { Mailbox } from './mailbox.js';
import { TEST_REDIS_URL } from './test-env.js';
import { TestClient } from './test-client.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  databaseUrl: string;
  redisPrefix: string;
  prisma: PrismaService;
  jobs: JobQueue;
  mailbox: Mailbox;
  /** BullMQ's queue once the outbox has been relayed (jobs are written to the outbox first). */
  bullQueue(): Promise<Queue>;
  /** A new browser-like client with its own cookie jar. */
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * The real API against a fresh PostgreSQL database, real Redis (BullMQ with its own key
 * prefix, consumed in this process) and a real SMTP server. Nothing of ours is mocked.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { consumeJobs?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const mailbox = new Mailbox();
  const smtpUrl = await mailbox.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    SMTP_URL: smtpUrl,
    PUBLIC_URL: 'http://tadamon.test',
    MIGRATE_ON_START: 'false',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const redisPrefix = `tadamon-test-${randomBytes(4).toString('hex')}`;
  const app = await createHttpApp({
    config,
    databaseUrl: database.url,
    consumeJobs: options.consumeJobs ?? true,
    redisPrefix,
  });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databaseUrl: database.url,
    redisPrefix,
    prisma: app.get(PrismaService),
    jobs: app.get(JobQueue),
    mailbox,
    bullQueue: async () => {
      await app.get(OutboxRelay).flush();
      const backend = app.get(JobBackend);
      if (!(backend instanceof BullMqJobQueue)) throw new Error('This test app runs jobs in-process (no REDIS_URL).');
      return backend.queue;
    },
    client: () => new TestClient(app.getHttpServer(), app.get(PrismaService)),
    close: async () => {
      await app.close();
      await mailbox.stop();
      await database.drop();
    },
  };
}
