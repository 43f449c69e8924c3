import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { JobQueue } from './job-queue.js';
import { InProcessJobQueue } from './in-process-job.queue.js';
import { BullMqJobQueue } from './bullmq-job.queue.js';
import { JobWorkerService } from './job-worker.service.js';

const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

interface JobsOptions {
  /** This process consumes jobs (worker entry, or RUN_WORKER_IN_API). */
  consume: boolean;
  /** BullMQ key prefix; tests give each file its own. */
  redisPrefix?: string;
}

/**
 * With REDIS_URL: a BullMQ queue, consumed by the worker entry (or by the API itself when
 * RUN_WORKER_IN_API). Without: an in-process queue running the same handlers.
 */
@Global()
@Module({})
export class JobsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    private readonly worker: JobWorkerService,
  ) {}

  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        JobHandlerRegistry,
        JobWorkerService,
        { provide: JOBS_OPTIONS, useValue: options },
        {
          provide: JobQueue,
          inject: [APP_CONFIG, JobHandlerRegistry],
          useFactory: (config: AppConfig, registry: JobHandlerRegistry) => {
            const policy = { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
            return config.REDIS_URL
              ? new BullMqJobQueue(config.REDIS_URL, policy, options.redisPrefix)
              : new InProcessJobQueue(registry, policy);
          },
        },
      ],
      exports: [JobQueue, JobHandlerRegistry],
    };
  }

  onApplicationBootstrap(): void {
    // Handlers register in their modules' onModuleInit, which has run by now.
    if (this.config.REDIS_URL && this.options.consume) {
      this.worker.start(this.config.REDIS_URL, this.options.redisPrefix);
    }
  }
}
