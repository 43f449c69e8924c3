import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { AccreditationNotifier } from './accreditation-notifier.js';

/** Background work of accreditation: re-assessment reminders before validity ends. */
@Injectable()
export class AccreditationProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly notifier: AccreditationNotifier,
  ) {}

  onModuleInit(): void {
    this.registry.register('accreditation.remind', async ({ assessmentId, daysBefore }) => {
      await this.notifier.remind(assessmentId, daysBefore);
    });
  }
}
