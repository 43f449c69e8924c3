import { Injectable } from '@nestjs/common';
import { jobCatalogue, type JobName, type JobPayload } from './job-catalogue.js';

/** Which try this is, for handlers that give up gracefully on the last one. */
export interface JobAttempt {
  attempt: number;
  attempts: number;
}

type Handler<N extends JobName> = (payload: JobPayload<N>, attempt: JobAttempt) => Promise<void>;

/**
 * Feature processors register their handlers here at module init; both the in-process
 * runner and the BullMQ worker dispatch through it, so a job runs the same code either way.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<JobName, Handler<JobName>>();

  register<N extends JobName>(name: N, handler: Handler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job handler for ${name} registered twice`);
    this.handlers.set(name, handler as Handler<JobName>);
  }

  async dispatch(name: string, payload: unknown, attempt: JobAttempt = { attempt: 1, attempts: 1 }): Promise<void> {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new Error(`No handler for job ${name}`);
    const parsed = jobCatalogue[name as JobName].parse(payload);
    await handler(parsed, attempt);
  }
}
