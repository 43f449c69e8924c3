import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { AccreditationClock } from './accreditation-clock.js';
import { AccreditationController } from './accreditation.controller.js';
import { AccreditationNotifier } from './accreditation-notifier.js';
import { AccreditationProcessor } from './accreditation.processor.js';
import { AssessmentsRepository } from './assessments.repository.js';
import { AssessmentsService } from './assessments.service.js';
import { FrameworksRepository } from './frameworks.repository.js';
import { FrameworksService } from './frameworks.service.js';

/** Accreditation of organisations: frameworks, self-assessments, reviews (issue 5). */
@Module({
  imports: [MaterialsModule, CertificatesModule],
  controllers: [AccreditationController],
  providers: [
    AccreditationClock,
    AccreditationNotifier,
    AccreditationProcessor,
    AssessmentsRepository,
    AssessmentsService,
    FrameworksRepository,
    FrameworksService,
  ],
})
export class AccreditationModule {}
