import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { JobBackend, type RelayedJob } from './job-backend.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import type { FailedJob, JobName, RetryPolicy } from './job-catalogue.js';

/** How many failed jobs are kept for the dead-letter view; older ones are dropped. */
const KEEP_FAILED = 200;

interface DeadJob extends FailedJob {
  payload: unknown;
}
/** The longest delay setTimeout honours (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs jobs inside the API process when no Redis is configured (the embedded default).
 * Same handlers, same retries with back-off. The outbox relay hands a job over only when it is
 * due, so delayed jobs survive a restart in the outbox table; a job lost is one that was
 * running (or waiting for a retry) when the process stopped.
 */
@Injectable()
export class InProcessJobQueue extends JobBackend implements OnModuleDestroy {
  readonly holdsDelayedJobs = false;
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly dueAt = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly dead = new Map<string, DeadJob>();
  private running = 0;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly policy: RetryPolicy,
  ) {
    super();
  }

  async add({ jobId, name, payload, availableAt }: RelayedJob) {
    if (this.seen.has(jobId)) return;
    this.seen.add(jobId);
    this.schedule(jobId, name, payload, 1, Math.max(0, availableAt.getTime() - Date.now()));
  }

  async remove(jobId: string): Promise<void> {
    clearTimeout(this.timers.get(jobId));
    this.timers.delete(jobId);
    this.dueAt.delete(jobId);
    this.seen.delete(jobId);
  }

  async failed(limit: number): Promise<FailedJob[]> {
    return [...this.dead.values()]
      .reverse()
      .slice(0, limit)
      .map(({ payload: _payload, ...job }) => job);
  }

  async retry(jobId: string): Promise<boolean> {
    const job = this.dead.get(jobId);
    if (!job) return false;
    this.dead.delete(jobId);
    this.schedule(jobId, job.name as JobName, job.payload, 1, 0);
    return true;
  }

  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    const soon = () => [...this.dueAt.values()].some((at) => at <= Date.now() + 60_000);
    while ((this.running > 0 || soon()) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(id: string, name: JobName, payload: unknown, attempt: number, delayMs: number) {
    this.dueAt.set(id, Date.now() + delayMs);
    // setTimeout fires at once for delays past ~24.8 days (2^31 - 1 ms): wait in steps instead.
    if (delayMs > MAX_TIMER_MS) {
      const step = setTimeout(() => this.schedule(id, name, payload, attempt, delayMs - MAX_TIMER_MS), MAX_TIMER_MS);
      step.unref?.();
      this.timers.set(id, step);
      return;
    }
    const timer = setTimeout(() => void this.run(id, name, payload, attempt), delayMs);
    timer.unref?.();
    this.timers.set(id, timer);
  }

  private async run(id: string, name: JobName, payload: unknown, attempt: number) {
    this.timers.delete(id);
    this.dueAt.delete(id);
    this.running++;
    try {
      await this.registry.dispatch(name, payload, { attempt, attempts: this.policy.attempts });
    } catch (err) {
      if (attempt < this.policy.attempts) {
        const backoff = this.policy.backoffMs * 2 ** (attempt - 1);
        this.logger.warn({ err, job: id, attempt }, `Job failed; retrying in ${backoff} ms`);
        this.schedule(id, name, payload, attempt + 1, backoff);
      } else {
        this.logger.error({ err, job: id, attempt }, 'Job failed for good');
        this.bury({ id, name, payload, attempts: attempt, reason: reasonOf(err), failedAt: new Date().toISOString() });
      }
    } finally {
      this.running--;
    }
  }

  private bury(job: DeadJob): void {
    this.dead.delete(job.id);
    this.dead.set(job.id, job);
    if (this.dead.size > KEEP_FAILED) this.dead.delete(this.dead.keys().next().value!);
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
