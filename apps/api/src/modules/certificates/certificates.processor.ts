import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { CertificatePdfService } from './pdf/certificate-pdf.service.js';

/** Background work of certificates: rendering PDFs (idempotent, see CertificatePdfService). */
@Injectable()
export class CertificatesProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly pdfs: CertificatePdfService,
  ) {}

  onModuleInit(): void {
    this.registry.register('certificate.render-pdf', async ({ certificateId }) => {
      await this.pdfs.ensureRendered(certificateId);
    });
  }
}
