import type { EnqueueOptions, FailedJob, JobName, JobPayload } from './job-catalogue.js';

/** Where services put background work. BullMQ with REDIS_URL, in-process without. */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Removes a waiting or delayed job (e.g. a reminder for a cancelled meeting). */
  abstract remove(jobId: string): Promise<void>;
  /** Jobs that used up their attempts, newest first. */
  abstract failed(limit: number): Promise<FailedJob[]>;
  /** Tries a failed job again from the start; false when no failed job has this id. */
  abstract retry(jobId: string): Promise<boolean>;
  /** Resolves when no job is waiting or running (tests, graceful shutdown). */
  abstract drain(timeoutMs?: number): Promise<void>;
}
