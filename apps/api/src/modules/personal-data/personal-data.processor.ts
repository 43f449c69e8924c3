import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { DataExportService } from './data-export.service.js';

const CLEANUP_INTERVAL_MS = 3600_000;

/** Background work of personal data: building export ZIPs, and deleting them once expired (hourly). */
@Injectable()
export class PersonalDataProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('PersonalDataProcessor');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly exports: DataExportService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register('personal-data.export', async ({ exportId }, attempt) => {
      await this.exports.build(exportId, attempt);
    });
    this.registry.register('personal-data.remove-exports', async ({ storageKeys }) => {
      await this.exports.removeFiles(storageKeys);
    });
    this.registry.register('personal-data.cleanup-exports', async () => {
      let removed = 0;
      for (let batch = await this.exports.removeExpired(null); batch > 0; batch = await this.exports.removeExpired(null)) removed += batch;
      if (removed > 0) this.logger.log({ removed }, 'Expired data exports removed');
      await this.scheduleCleanup();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleCleanup();
  }

  /** The next hourly run; its id names the hour, so every process scheduling it adds one job. Tests run it by hand. */
  private async scheduleCleanup(): Promise<void> {
    if (this.config.NODE_ENV === 'test') return;
    const slot = Math.floor(Date.now() / CLEANUP_INTERVAL_MS) + 1;
    await this.jobs.enqueue(
      'personal-data.cleanup-exports',
      {},
      { jobId: `personal-data.cleanup-exports:${slot}`, delayMs: slot * CLEANUP_INTERVAL_MS - Date.now() },
    );
  }
}
