import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../src/app/app.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * With REDIS_URL the API only enqueues; a separate worker process (src/worker.ts builds the
 * same module with consumeJobs) does the work. Here the worker runs as a second Nest context.
 */
describe('separate worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  beforeAll(async () => {
    t = await startTestApp({}, { consumeJobs: false });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('leaves jobs waiting until a worker consumes them', async () => {
    await t.jobs.enqueue(
      'mail.send',
      { to: 'awa@example.test', subject: 'Waiting for a worker', text: 'Hello', reason: 'worker-test' },
      { jobId: 'worker-test:1' },
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(t.mailbox.for('awa@example.test')).toHaveLength(0);

    worker = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: t.config, databaseUrl: t.databaseUrl, consumeJobs: true, redisPrefix: t.redisPrefix }),
      { logger: false },
    );
    await worker.init();
    const mail = await t.mailbox.waitFor('awa@example.test');
    expect(mail.subject).toBe('Waiting for a worker');
  });
});
