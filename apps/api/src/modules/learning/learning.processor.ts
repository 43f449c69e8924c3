import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { CertificatesService } from '../certificates/certificates.service.js';

/**
 * `learning.issue-certificate`: one certificate earned by course completion. Safe to run
 * twice: CertificatesService.issue returns the current certificate (or the named cycle's)
 * instead of making a second one, under an advisory lock per holder and type.
 */
@Injectable()
export class LearningProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly certificates: CertificatesService,
  ) {}

  onModuleInit(): void {
    this.registry.register('learning.issue-certificate', async ({ certificateTypeId, userId, organisationId, cycle }) => {
      await this.certificates.issue({
        certificateTypeId,
        holderUserId: userId,
        organisationId,
        reason: 'course-completed',
        issuedById: null,
        ...(cycle !== undefined ? { cycle } : {}),
      });
    });
  }
}
