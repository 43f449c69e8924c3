import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobBackend, type RelayedJob } from './job-backend.js';
import { JOB_QUEUE_NAME, type FailedJob, type RetryPolicy } from './job-catalogue.js';
import { producerConnection } from './redis-connection.js';

/** Jobs in Redis through BullMQ; consumed by the worker process (apps/api worker entry). */
@Injectable()
export class BullMqJobQueue extends JobBackend implements OnModuleDestroy {
  readonly holdsDelayedJobs = true;
  readonly queue: Queue;
  private readonly logger = new Logger('BullMqJobQueue');
  private lastError = 0;

  constructor(
    redisUrl: string,
    private readonly policy: RetryPolicy,
    prefix?: string,
  ) {
    super();
    this.queue = new Queue(JOB_QUEUE_NAME, { connection: producerConnection(redisUrl), prefix });
    // Without a listener an 'error' event (Redis gone) would end the process.
    this.queue.on('error', (err) => {
      if (Date.now() - this.lastError < 10_000) return;
      this.lastError = Date.now();
      this.logger.warn({ err: err.message }, 'Redis unreachable; jobs wait in the outbox');
    });
  }

  async add({ jobId, name, payload, createdAt, availableAt }: RelayedJob) {
    await this.queue.add(name, payload, {
      // BullMQ ignores an add whose jobId already exists: the same event never runs twice.
      jobId: jobId.replace(/:/g, '-'),
      // BullMQ runs a delayed job at timestamp + delay: the time asked for, however late relayed.
      timestamp: createdAt.getTime(),
      delay: Math.max(0, availableAt.getTime() - createdAt.getTime()),
      attempts: this.policy.attempts,
      backoff: { type: 'exponential', delay: this.policy.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      // Failed jobs stay: they are the dead-letter list an operator inspects.
      removeOnFail: false,
    });
  }

  async remove(jobId: string): Promise<void> {
    await this.queue.remove(jobId.replace(/:/g, '-'));
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const jobs = await this.queue.getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: job.id ?? '',
      name: job.name,
      reason: job.failedReason,
      attempts: job.attemptsMade,
      failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
    }));
  }

  async retry(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId.replace(/:/g, '-'));
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed');
    return true;
  }

  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized');
      if (counts.waiting + counts.active + counts.prioritized === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
