import { Inject, Injectable, Logger } from '@nestjs/common';
import { ClamdRefusedError, ClamdUnavailableError, clamdScan, type ClamdTarget } from '../../common/antivirus/clamd-client.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import type { JobAttempt } from '../../common/jobs/job-handler.registry.js';
import { MaterialsRepository } from './materials.repository.js';
import { StorageDriver } from './storage/storage-driver.js';

export type ScanFailure = 'UPLOAD_INFECTED' | 'SCAN_FAILED' | 'SCAN_UNAVAILABLE';

/**
 * The antivirus step of `materials.process-file`, before a file can become READY, when clamd
 * is configured (CLAMD_HOST/CLAMD_PORT or CLAMD_SOCKET). A rejected file is failed with its
 * reason (the uploader sees it; readers never saw the file) and its bytes are removed.
 */
@Injectable()
export class MaterialScanner {
  private readonly logger = new Logger('MaterialScanner');
  private readonly target: ClamdTarget | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: StorageDriver,
    private readonly repository: MaterialsRepository,
  ) {
    this.target = config.CLAMD_SOCKET
      ? { socket: config.CLAMD_SOCKET }
      : config.CLAMD_HOST
        ? { host: config.CLAMD_HOST, port: config.CLAMD_PORT }
        : null;
  }

  /**
   * True when the file may go on (clean, or no scanner configured); false when it has been
   * failed. While clamd is unreachable this throws, so the job is tried again with back-off;
   * on the last try the file fails with SCAN_UNAVAILABLE instead.
   */
  async passes(file: { id: string; storageKey: string }, size: number, attempt: JobAttempt): Promise<boolean> {
    if (!this.target) return true;
    if (size > this.config.CLAMD_STREAM_MAX_BYTES) {
      this.logger.error({ fileId: file.id, size }, 'File larger than clamd accepts (CLAMD_STREAM_MAX_BYTES): not scannable');
      await this.reject(file, 'SCAN_FAILED');
      return false;
    }
    try {
      const verdict = await clamdScan(this.target, this.storage.read(file.storageKey), this.config.CLAMD_TIMEOUT_MS);
      if (verdict.clean) return true;
      this.logger.warn({ fileId: file.id, signature: verdict.signature }, 'Infected upload rejected');
      await this.reject(file, 'UPLOAD_INFECTED');
    } catch (error) {
      if (error instanceof ClamdRefusedError) {
        this.logger.error({ fileId: file.id, err: error }, 'clamd refused the file (is StreamMaxLength ≥ UPLOAD_MAX_BYTES?)');
        await this.reject(file, 'SCAN_FAILED');
      } else if (error instanceof ClamdUnavailableError && attempt.attempt >= attempt.attempts) {
        this.logger.error({ fileId: file.id, err: error }, 'clamd unreachable on the last try');
        await this.reject(file, 'SCAN_UNAVAILABLE');
      } else {
        throw error;
      }
    }
    return false;
  }

  /** Bytes first: if recording the result fails, the retry finds them gone (FILE_MISSING). */
  private async reject(file: { id: string; storageKey: string }, reason: ScanFailure) {
    await this.storage.remove(file.storageKey);
    await this.repository.finishProcessing(file.id, { status: 'FAILED', failureReason: reason });
  }
}
