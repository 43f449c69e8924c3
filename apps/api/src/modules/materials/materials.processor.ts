import { buffer } from 'node:stream/consumers';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { JobHandlerRegistry, type JobAttempt } from '../../common/jobs/job-handler.registry.js';
import { MaterialScanner } from './material-scan.js';
import { MaterialsRepository } from './materials.repository.js';
import { MaterialMediaProcessor } from './material-media.processor.js';
import { readPdf } from './pdf-text.js';
import { StorageDriver } from './storage/storage-driver.js';
import { UploadsService } from './uploads.service.js';

/** PDFs larger than this are not read for text (memory); they are still served. */
const MAX_PDF_BYTES_FOR_TEXT = 200 * 1024 * 1024;
/** PostgreSQL refuses a tsvector over 1 MB; this much text stays well below. */
const MAX_TEXT_CHARS = 200_000;
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Background work of the library. `materials.process-file` runs once per file version (its
 * jobId is the file id, and it does nothing for a file no longer PROCESSING), so a retry or a
 * second enqueue is harmless. A broken file is a result (FAILED + reason), not a retry.
 */
@Injectable()
export class MaterialsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('MaterialsProcessor');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: MaterialsRepository,
    private readonly storage: StorageDriver,
    private readonly uploads: UploadsService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scanner: MaterialScanner,
    private readonly media: MaterialMediaProcessor,
  ) {}

  onModuleInit(): void {
    this.registry.register('materials.process-file', async ({ fileId }, attempt) => {
      await this.process(fileId, attempt);
    });
    this.registry.register('materials.cleanup-uploads', async () => {
      const removed = await this.uploads.deleteExpired();
      this.logger.log({ removed }, 'Expired uploads removed');
      await this.scheduleCleanup();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleCleanup();
  }

  /**
   * The next hourly cleanup. Its id names the hour, so every API and worker process that
   * schedules it at start (or after a run) adds the same job once. Tests run it by hand
   * instead of leaving a delayed job behind in Redis.
   */
  private async scheduleCleanup(): Promise<void> {
    if (this.config.NODE_ENV === 'test') return;
    const slot = Math.floor(Date.now() / CLEANUP_INTERVAL_MS) + 1;
    await this.jobs.enqueue(
      'materials.cleanup-uploads',
      {},
      { jobId: `materials.cleanup-uploads:${slot}`, delayMs: slot * CLEANUP_INTERVAL_MS - Date.now() },
    );
  }

  async process(fileId: string, attempt: JobAttempt = { attempt: 1, attempts: 1 }): Promise<void> {
    const file = await this.repository.findFile(fileId);
    if (!file || file.status !== 'PROCESSING') return;
    const size = await this.storage.size(file.storageKey);
    if (size === null) {
      await this.repository.finishProcessing(fileId, { status: 'FAILED', failureReason: 'FILE_MISSING' });
      return;
    }
    if (!(await this.scanner.passes(file, size, attempt))) return;
    if (file.mimeType !== 'application/pdf' || size > MAX_PDF_BYTES_FOR_TEXT) {
      await this.repository.finishProcessing(fileId, { status: 'READY' }, this.media.afterReady(fileId, file.mimeType));
      return;
    }
    const bytes = new Uint8Array(await buffer(this.storage.read(file.storageKey)));
    let result: { pageCount: number; text: string };
    try {
      result = await readPdf(bytes);
    } catch (error) {
      this.logger.warn({ fileId, err: error }, 'PDF could not be read');
      await this.repository.finishProcessing(fileId, { status: 'FAILED', failureReason: 'PDF_UNREADABLE' });
      return;
    }
    await this.repository.finishProcessing(
      fileId,
      { status: 'READY', pageCount: result.pageCount, extractedText: result.text.slice(0, MAX_TEXT_CHARS) },
      this.media.afterReady(fileId, file.mimeType),
    );
  }
}
