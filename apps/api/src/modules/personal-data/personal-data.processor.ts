import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { DataExportService } from './data-export.service.js';

/** Background work of personal data: building export ZIPs. */
@Injectable()
export class PersonalDataProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly exports: DataExportService,
  ) {}

  onModuleInit(): void {
    this.registry.register('personal-data.export', async ({ exportId }, attempt) => {
      await this.exports.build(exportId, attempt);
    });
  }
}
