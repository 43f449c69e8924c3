import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { JobQueue } from './job-queue.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import {
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  jobCatalogue,
  type EnqueueOptions,
  type JobName,
  type JobPayload,
} from './job-catalogue.js';

/** The longest delay setTimeout honours (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs jobs inside the API process when no Redis is configured (the embedded default).
 * Same handlers, same retries with back-off; jobs do not survive a restart, which is the
 * trade-off of running without Redis.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly seen = new Set<string>();
  private running = 0;
  private counter = 0;

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}) {
    jobCatalogue[name].parse(payload);
    const id = options.jobId ?? `${name}:${++this.counter}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.schedule(id, name, payload, 1, options.delayMs ?? 0);
  }

  async remove(jobId: string): Promise<void> {
    clearTimeout(this.timers.get(jobId));
    this.timers.delete(jobId);
    this.seen.delete(jobId);
  }

  async drain(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.running > 0 || this.hasDueTimers()) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private dueAt = new Map<string, number>();

  private hasDueTimers(): boolean {
    const soon = Date.now() + 60_000;
    return [...this.dueAt.values()].some((at) => at <= soon);
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
      await this.registry.dispatch(name, payload);
    } catch (err) {
      if (attempt < JOB_ATTEMPTS) {
        const backoff = JOB_BACKOFF_MS * 2 ** (attempt - 1);
        this.logger.warn({ err, job: id, attempt }, `Job failed; retrying in ${backoff} ms`);
        this.schedule(id, name, payload, attempt + 1, backoff);
      } else {
        this.logger.error({ err, job: id, attempt }, 'Job failed for good');
      }
    } finally {
      this.running--;
    }
  }
}
