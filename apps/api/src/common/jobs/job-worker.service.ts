import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'bullmq';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { JOB_QUEUE_NAME } from './job-catalogue.js';
import { redisConnection } from './redis-connection.js';

/** Consumes the BullMQ queue and dispatches each job to its registered handler. */
@Injectable()
export class JobWorkerService implements OnModuleDestroy {
  private readonly logger = new Logger('JobWorker');
  private worker?: Worker;

  constructor(private readonly registry: JobHandlerRegistry) {}

  start(redisUrl: string, prefix?: string): void {
    this.worker = new Worker(
      JOB_QUEUE_NAME,
      async (job) =>
        this.registry.dispatch(job.name, job.data, { attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1 }),
      { connection: redisConnection(redisUrl), concurrency: 4, prefix },
    );
    // Without a listener an 'error' event (Redis gone) would end the process; BullMQ reconnects.
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'Worker lost Redis; reconnecting'));
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ job: job?.id, name: job?.name, attempts: job?.attemptsMade, err }, 'Job failed'),
    );
    this.logger.log('Worker is consuming jobs');
  }

  /**
   * Stops taking jobs and waits for those running to finish (BullMQ's close). A job still
   * running when the process is killed anyway goes back to the queue once its lock expires.
   */
  async close(): Promise<void> {
    await this.worker?.close();
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
