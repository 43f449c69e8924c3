import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { MATERIAL_DERIVATIVE_KINDS } from '@tadamon/shared';
import { derivativeKey } from './material-media.processor.js';
import { StorageDriver } from './storage/storage-driver.js';

/**
 * `materials.remove-files`: removes the stored files of a deleted material, with the
 * thumbnails and renditions made from them (they sit beside each file, see derivativeKey). Safe to run twice
 * (removing a missing file does nothing); a storage error fails the job, which is retried with
 * backoff and, if it keeps failing, stays in the failed-jobs list.
 */
@Injectable()
export class MaterialDeletionProcessor implements OnModuleInit {
  private readonly logger = new Logger('MaterialDeletionProcessor');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly storage: StorageDriver,
  ) {}

  onModuleInit(): void {
    this.registry.register('materials.remove-files', async ({ materialId, storageKeys }) => {
      for (const key of storageKeys) {
        for (const kind of MATERIAL_DERIVATIVE_KINDS) await this.storage.remove(derivativeKey(key, kind));
        await this.storage.remove(key);
      }
      this.logger.log({ materialId, removed: storageKeys.length }, 'Files of a deleted material removed');
    });
  }
}
