import { Module } from '@nestjs/common';
import { LiveEventsModule } from '../../common/events/live-events.module.js';
import { VerificationCache } from './verification-cache.js';
import { CertificateRules } from './certificate-rules.js';
import { CertificateTypesController } from './certificate-types.controller.js';
import { CertificateTypesRepository } from './certificate-types.repository.js';
import { CertificateTypesService } from './certificate-types.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CertificatesService } from './certificates.service.js';
import { VerifyRateLimiter } from './verify-rate-limiter.js';
import { CertificateClock } from './certificate-clock.js';
import { ExpiryRemindersService } from './expiry-reminders.service.js';
import { CertificatesProcessor } from './certificates.processor.js';
import { CertificatePdfService } from './pdf/certificate-pdf.service.js';
import { CredentialsController } from './credentials/credentials.controller.js';
import { CredentialsRepository } from './credentials/credentials.repository.js';
import { CredentialsService } from './credentials/credentials.service.js';
import { HolderCertificates } from './holder-certificates.js';
import { CertificateLookup } from './certificate-lookup.js';

/** Certificates: types, issuance, revocation, public verification (issue 5). */
@Module({
  imports: [LiveEventsModule],
  controllers: [CertificateTypesController, CertificatesController, CredentialsController],
  providers: [
    CertificateTypesService,
    CertificateTypesRepository,
    CertificateRules,
    CertificatesService,
    CertificatesRepository,
    VerifyRateLimiter,
    VerificationCache,
    CredentialsService,
    CredentialsRepository,
    CertificatePdfService,
    CertificatesProcessor,
    CertificateClock,
    ExpiryRemindersService,
    HolderCertificates,
    CertificateLookup,
  ],
  exports: [CertificatesService, HolderCertificates, CertificateLookup],
})
export class CertificatesModule {}
