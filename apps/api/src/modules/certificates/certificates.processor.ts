import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { CertificatePdfService } from './pdf/certificate-pdf.service.js';
import { ExpiryRemindersService } from './expiry-reminders.service.js';

/** Background work of certificates: rendering PDFs (idempotent, see CertificatePdfService) and expiry reminders. */
@Injectable()
export class CertificatesProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly pdfs: CertificatePdfService,
    private readonly expiry: ExpiryRemindersService,
  ) {}

  onModuleInit(): void {
    this.registry.register('certificate.render-pdf', async ({ certificateId }) => {
      await this.pdfs.ensureRendered(certificateId);
    });
    this.registry.register('certificate.expiry-reminder', async ({ certificateId, daysBefore }) => {
      await this.expiry.remind(certificateId, daysBefore);
    });
  }
}
