import type { FailedJob, JobName } from './job-catalogue.js';

/** A job as the outbox relay hands it over: already validated, with its deterministic id. */
export interface RelayedJob {
  jobId: string;
  name: JobName;
  payload: unknown;
  /** When it was queued and when it may run (BullMQ's timestamp and delay, so a late relay does not push it back). */
  createdAt: Date;
  availableAt: Date;
}

/**
 * Where the outbox relay hands jobs: BullMQ on Redis, or the in-process runner. Services never
 * call a backend; they write to the outbox through `JobQueue`.
 */
export abstract class JobBackend {
  /**
   * True when the backend keeps delayed jobs itself (BullMQ's delayed set in Redis). The
   * in-process runner does not: its rows stay in the outbox until due, so a restart keeps them.
   */
  abstract readonly holdsDelayedJobs: boolean;
  /** Adding an id that is already there is a no-op (the same event never runs twice). */
  abstract add(job: RelayedJob): Promise<void>;
  abstract remove(jobId: string): Promise<void>;
  abstract failed(limit: number): Promise<FailedJob[]>;
  abstract retry(jobId: string): Promise<boolean>;
  /** Resolves when no job is waiting or running, or after timeoutMs. */
  abstract drain(timeoutMs: number): Promise<void>;
}
