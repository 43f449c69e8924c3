import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DataExportService } from './data-export.service.js';
import { ErasureService } from './erasure.service.js';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataProcessor } from './personal-data.processor.js';
import { PersonalDataRepository } from './personal-data.repository.js';

/** People own their data (issue 13): export everything as a ZIP, erase the account. */
@Module({
  imports: [CertificatesModule, MaterialsModule, NotificationsModule],
  controllers: [PersonalDataController],
  providers: [DataExportService, ErasureService, PersonalDataRepository, PersonalDataProcessor],
})
export class PersonalDataModule {}
