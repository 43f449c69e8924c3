import type { EnqueueOptions, FailedJob, JobName, JobPayload, JobTx } from './job-catalogue.js';

/**
 * Where services put background work. Every job is written to the PostgreSQL outbox
 * (`OutboxJob`), in the caller's transaction when it passes `tx`; the relay hands it to BullMQ
 * (REDIS_URL) or the in-process runner after commit. So a job exists exactly when the change
 * that causes it committed, and a Redis outage only delays it.
 */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: EnqueueOptions,
  ): Promise<void>;
  /**
   * Removes a waiting or delayed job (e.g. a reminder for a cancelled meeting), in `tx` when
   * given: the relay takes it out of BullMQ after commit.
   */
  abstract remove(jobId: string, options?: { tx?: JobTx }): Promise<void>;
  /** Jobs that used up their attempts, newest first. */
  abstract failed(limit: number): Promise<FailedJob[]>;
  /** Tries a failed job again from the start; false when no failed job has this id. */
  abstract retry(jobId: string): Promise<boolean>;
  /** Resolves when the outbox is relayed and no job is waiting or running (tests, shutdown). */
  abstract drain(timeoutMs?: number): Promise<void>;
}
