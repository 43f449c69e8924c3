import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { MaterialDeletionProcessor } from './material-deletion.processor.js';
import { MaterialFilesController } from './material-files.controller.js';
import { MaterialFilesService } from './material-files.service.js';
import { MaterialSearchRepository } from './material-search.repository.js';
import { MaterialsController } from './materials.controller.js';
import { MaterialsProcessor } from './materials.processor.js';
import { MaterialsRepository } from './materials.repository.js';
import { MaterialsService } from './materials.service.js';
import { PublicMaterialsController } from './public-materials.controller.js';
import { PublicMaterialsService } from './public-materials.service.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { StorageDriver } from './storage/storage-driver.js';
import { UploadsService } from './uploads.service.js';

/** The training-material library: metadata, language versions, file versions, uploads, search. */
@Module({
  controllers: [MaterialsController, MaterialFilesController, PublicMaterialsController],
  providers: [
    MaterialsService,
    MaterialFilesService,
    PublicMaterialsService,
    MaterialsRepository,
    MaterialSearchRepository,
    UploadsService,
    MaterialsProcessor,
    MaterialDeletionProcessor,
    { provide: StorageDriver, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(config.DATA_DIR) },
  ],
})
export class MaterialsModule {}
