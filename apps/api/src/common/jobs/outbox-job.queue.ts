import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { JobQueue } from './job-queue.js';
import { JobBackend } from './job-backend.js';
import { OutboxRelay } from './outbox-relay.js';
import { jobCatalogue, type EnqueueOptions, type FailedJob, type JobName, type JobPayload, type JobTx } from './job-catalogue.js';

/** How far ahead drain() waits for in-process jobs that are not due yet (as before the outbox). */
const IN_PROCESS_DRAIN_HORIZON_MS = 60_000;

/**
 * The one way jobs are queued: a row in `OutboxJob`, written with the caller's transaction
 * when given. Enqueueing an id that is waiting or relayed is a no-op; after a `remove` the
 * same id may be queued again (the relay removes the old job first).
 */
@Injectable()
export class OutboxJobQueue extends JobQueue {
  constructor(
    private readonly prisma: PrismaService,
    private readonly backend: JobBackend,
    private readonly relay: OutboxRelay,
  ) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}) {
    jobCatalogue[name].parse(payload);
    const jobId = options.jobId ?? `${name}:${randomUUID()}`;
    const createdAt = new Date();
    const availableAt = new Date(createdAt.getTime() + Math.max(0, options.delayMs ?? 0));
    await (options.tx ?? this.prisma).$executeRaw`
      INSERT INTO "OutboxJob" ("jobId", "name", "payload", "createdAt", "availableAt")
      VALUES (${jobId}, ${name}, ${JSON.stringify(payload)}::jsonb, ${createdAt}, ${availableAt})
      ON CONFLICT ("jobId") DO UPDATE SET "name" = EXCLUDED."name", "payload" = EXCLUDED."payload",
        "createdAt" = EXCLUDED."createdAt",
        "availableAt" = EXCLUDED."availableAt", "dispatchedAt" = NULL, "attempts" = 0, "lastError" = NULL
      WHERE "OutboxJob"."cancelledAt" IS NOT NULL`;
  }

  async remove(jobId: string, options: { tx?: JobTx } = {}): Promise<void> {
    // A removal is a row too: the relay takes the job out of the backend after commit.
    await (options.tx ?? this.prisma).$executeRaw`
      INSERT INTO "OutboxJob" ("jobId", "name", "dispatchedAt", "cancelledAt") VALUES (${jobId}, '', now(), now())
      ON CONFLICT ("jobId") DO UPDATE SET "dispatchedAt" = now(), "cancelledAt" = now()`;
  }

  failed(limit: number): Promise<FailedJob[]> {
    return this.backend.failed(limit);
  }

  retry(jobId: string): Promise<boolean> {
    return this.backend.retry(jobId);
  }

  async drain(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      await this.relay.flush();
      if ((await this.waiting()) === 0) {
        // Handlers queue follow-up jobs before they finish, so an idle backend with an empty
        // outbox means the chain has ended.
        await this.backend.drain(Math.max(0, until - Date.now()));
        if ((await this.waiting()) === 0) return;
      }
      if (Date.now() >= until) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Outbox rows the relay still has to hand over (in-process: those due within a minute). */
  private async waiting(): Promise<number> {
    const horizon = new Date(this.backend.holdsDelayedJobs ? 8.64e15 : Date.now() + IN_PROCESS_DRAIN_HORIZON_MS);
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "OutboxJob"
      WHERE ("dispatchedAt" IS NULL AND "availableAt" <= ${horizon}) OR "cancelledAt" IS NOT NULL`;
    return row?.n ?? 0;
  }
}
