import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { PrismaService } from '../database/prisma.service.js';
import { DATABASE_URL } from '../database/database.tokens.js';
import { JobBackend } from './job-backend.js';
import type { JobName } from './job-catalogue.js';

/** Channel the outbox trigger notifies at commit (migration 20261207143000_outbox_job). */
const CHANNEL = 'tadamon_outbox';
const BATCH = 100;
/** A backend call that takes longer counts as failed; the row is relayed again later (same jobId). */
const CALL_TIMEOUT_MS = 5_000;
/** Relayed rows are kept this long, so the same jobId enqueued again is still recognised. */
const KEEP_RELAYED_DAYS = 7;
const CLEANUP_EVERY_MS = 10 * 60_000;
/** Far enough for every delayed job: BullMQ keeps delayed jobs itself. */
const END_OF_TIME = new Date(8.64e15);

interface OutboxRow {
  jobId: string;
  createdAt: Date;
  name: string;
  payload: unknown;
  availableAt: Date;
  dispatchedAt: Date | null;
  cancelledAt: Date | null;
}

export interface RelayOptions {
  /** Poll interval: the safety net under LISTEN/NOTIFY (a lost notification, due delayed rows). */
  pollMs: number;
  /** Longest wait between tries while the backend (Redis) is away. */
  maxBackoffMs: number;
}
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/**
 * Hands committed outbox rows to the job backend and marks them dispatched. Runs in every API
 * and worker process: rows are claimed with `FOR UPDATE SKIP LOCKED`, so several relays never
 * hand over the same row at once, and the backend ignores a jobId it already has, so a row
 * handed over twice (a relay that died before marking it) still runs once. Woken by the
 * outbox trigger's NOTIFY at commit, with a short poll underneath. While the backend is away
 * rows wait and the relay retries with back-off; nothing a request does waits for it.
 */
@Injectable()
export class OutboxRelay implements OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private listener?: pg.Client;
  private poll?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private failures = 0;
  private retryAt = 0;
  private cleanedAt = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly backend: JobBackend,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(RELAY_OPTIONS) private readonly options: RelayOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.listen();
    this.poll = setInterval(() => this.wake(), this.options.pollMs);
    this.poll.unref();
    this.wake();
  }

  /** Starts a pass unless one runs (then another follows it) or the backend is backing off. */
  wake(force = false): void {
    if (this.stopped && !force) return;
    if (!force && Date.now() < this.retryAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => (this.running = undefined));
  }

  /** Relays everything ready now, ignoring back-off (tests, drain). Never throws. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    this.wake(true);
    while (this.running) await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.batch()) === BATCH && !this.stopped);
        if (this.failures > 0) this.logger.log({ after: this.failures }, 'Outbox relay recovered');
        this.failures = 0;
        this.retryAt = 0;
        await this.cleanUp();
      } catch (err) {
        this.failures++;
        const backoff = Math.min(this.options.maxBackoffMs, 100 * 2 ** Math.min(this.failures, 10));
        this.retryAt = Date.now() + backoff;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn({ err: messageOf(err), failures: this.failures }, `Outbox relay failed; retrying in ${backoff} ms`);
        }
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** One claimed batch in one transaction; returns how many rows it looked at. */
  private async batch(): Promise<number> {
    const horizon = this.backend.holdsDelayedJobs ? END_OF_TIME : new Date();
    let failure: { jobId: string; err: unknown } | undefined;
    const claimed = await this.prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT "jobId", "createdAt", "name", "payload", "availableAt", "dispatchedAt", "cancelledAt"
          FROM "OutboxJob"
          WHERE ("dispatchedAt" IS NULL AND "availableAt" <= ${horizon}) OR "cancelledAt" IS NOT NULL
          ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        const sent: string[] = [];
        const removed: string[] = [];
        for (const row of rows) {
          try {
            if (row.cancelledAt) await timed(this.backend.remove(row.jobId));
            if (row.dispatchedAt) {
              removed.push(row.jobId);
            } else {
              const job = { jobId: row.jobId, name: row.name as JobName, payload: row.payload, createdAt: row.createdAt, availableAt: row.availableAt };
              await timed(this.backend.add(job));
              sent.push(row.jobId);
            }
          } catch (err) {
            failure = { jobId: row.jobId, err };
            break;
          }
        }
        if (sent.length > 0) {
          // A relayed row stays a while only as the record of its id; its payload, which may
          // name people (a mail's address and text), leaves with the job and is not kept here.
          await tx.$executeRaw`UPDATE "OutboxJob" SET "dispatchedAt" = now(), "cancelledAt" = NULL, "payload" = '{}'::jsonb,
            "attempts" = "attempts" + 1, "lastError" = NULL WHERE "jobId" = ANY(${sent}::text[])`;
        }
        if (removed.length > 0) await tx.$executeRaw`DELETE FROM "OutboxJob" WHERE "jobId" = ANY(${removed}::text[])`;
        if (failure) {
          await tx.$executeRaw`UPDATE "OutboxJob" SET "attempts" = "attempts" + 1,
            "lastError" = ${messageOf(failure.err).slice(0, 500)} WHERE "jobId" = ${failure.jobId}`;
        }
        return rows.length;
      },
      { maxWait: 5_000, timeout: 60_000 },
    );
    if (failure) throw failure.err;
    return claimed;
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.cleanedAt < CLEANUP_EVERY_MS) return;
    this.cleanedAt = Date.now();
    const before = new Date(Date.now() - KEEP_RELAYED_DAYS * 24 * 3600_000);
    await this.prisma.$executeRaw`DELETE FROM "OutboxJob" WHERE "dispatchedAt" < ${before} AND "cancelledAt" IS NULL`;
  }

  /** LISTEN on a connection of its own; reconnects after a database restart. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3_000 });
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.stopped) {
        retried = true;
        await client.end();
        return;
      }
      this.listener = client;
      // Rows committed while we were not listening.
      this.wake();
    } catch {
      retry();
    }
  }
}

function timed<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Job backend did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
