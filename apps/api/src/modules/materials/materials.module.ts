import { Module, forwardRef } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { MaterialDeletionProcessor } from './material-deletion.processor.js';
import { MaterialFilesController } from './material-files.controller.js';
import { MaterialFilesService } from './material-files.service.js';
import { MaterialScanner } from './material-scan.js';
import { MaterialMediaController } from './material-media.controller.js';
import { MaterialMediaProcessor } from './material-media.processor.js';
import { MaterialMediaRepository } from './material-media.repository.js';
import { MaterialMediaService } from './material-media.service.js';
import { MediaTools } from './media/media-tools.js';
import { MaterialSearchRepository } from './material-search.repository.js';
import { LibraryListCache } from './library-list-cache.js';
import { MaterialsController } from './materials.controller.js';
import { MaterialsProcessor } from './materials.processor.js';
import { MaterialLookup } from './material-lookup.js';
import { MaterialsRepository } from './materials.repository.js';
import { MaterialsService } from './materials.service.js';
import { PublicMaterialsController } from './public-materials.controller.js';
import { PublicMaterialsService } from './public-materials.service.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { S3Storage } from './storage/s3.storage.js';
import { StorageDriver } from './storage/storage-driver.js';
import { UploadsService } from './uploads.service.js';

/** The training-material library: metadata, language versions, file versions, uploads, search. */
@Module({
  // A material page lists the courses that use it (CoursesUsingMaterial), and courses embed
  // material: each module imports the other, lazily.
  imports: [forwardRef(() => CoursesModule)],
  controllers: [MaterialsController, MaterialFilesController, MaterialMediaController, PublicMaterialsController],
  providers: [
    MaterialsService,
    MaterialFilesService,
    PublicMaterialsService,
    MaterialsRepository,
    MaterialLookup,
    MaterialSearchRepository,
    LibraryListCache,
    UploadsService,
    MaterialsProcessor,
    MaterialScanner,
    {
      provide: StorageDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.STORAGE_DRIVER === 's3'
          ? new S3Storage(config)
          : new LocalDiskStorage(config.DATA_DIR, config.UPLOAD_EXPIRY_HOURS * 3600_000),
    },
    MaterialMediaRepository,
    MaterialMediaService,
    MaterialMediaProcessor,
    { provide: MediaTools, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new MediaTools(config) },
    MaterialDeletionProcessor,
  ],
  // The personal-data export keeps its ZIPs in the same storage (under personal-data-exports/).
  // Other features ask about material through MaterialLookup, never the repository.
  exports: [StorageDriver, MaterialLookup],
})
export class MaterialsModule {}
