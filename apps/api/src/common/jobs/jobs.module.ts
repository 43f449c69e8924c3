import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { JobQueue } from './job-queue.js';
import { JobBackend } from './job-backend.js';
import { InProcessJobQueue } from './in-process-job.queue.js';
import { BullMqJobQueue } from './bullmq-job.queue.js';
import { JobWorkerService } from './job-worker.service.js';
import { OutboxJobQueue } from './outbox-job.queue.js';
import { OutboxRelay, RELAY_OPTIONS, type RelayOptions } from './outbox-relay.js';

const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

interface JobsOptions {
  /** This process consumes jobs (worker entry, or RUN_WORKER_IN_API). */
  consume: boolean;
  /** BullMQ key prefix; tests give each file its own. */
  redisPrefix?: string;
}

/**
 * Services queue jobs into the PostgreSQL outbox (`JobQueue`); the relay of every process hands
 * them to the backend: with REDIS_URL a BullMQ queue, consumed by the worker entry (or by the
 * API itself when RUN_WORKER_IN_API); without, an in-process runner with the same handlers.
 */
@Global()
@Module({})
export class JobsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    private readonly worker: JobWorkerService,
    private readonly relay: OutboxRelay,
  ) {}

  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        JobHandlerRegistry,
        JobWorkerService,
        OutboxRelay,
        { provide: JobQueue, useClass: OutboxJobQueue },
        { provide: JOBS_OPTIONS, useValue: options },
        {
          provide: RELAY_OPTIONS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): RelayOptions => ({
            pollMs: config.OUTBOX_POLL_MS,
            maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
          }),
        },
        {
          provide: JobBackend,
          inject: [APP_CONFIG, JobHandlerRegistry],
          useFactory: (config: AppConfig, registry: JobHandlerRegistry) => {
            const policy = { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
            return config.REDIS_URL
              ? new BullMqJobQueue(config.REDIS_URL, policy, options.redisPrefix)
              : new InProcessJobQueue(registry, policy);
          },
        },
      ],
      exports: [JobQueue, JobHandlerRegistry, JobBackend, OutboxRelay],
    };
  }

  onApplicationBootstrap(): void {
    // Handlers register in their modules' onModuleInit, which has run by now.
    if (this.config.REDIS_URL && this.options.consume) {
      this.worker.start(this.config.REDIS_URL, this.options.redisPrefix);
    }
    this.relay.start();
  }
}
