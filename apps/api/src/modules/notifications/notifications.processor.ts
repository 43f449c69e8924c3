import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { NotificationsService } from './notifications.service.js';

/** Handles `notifications.digest` jobs (one per person and day). */
@Injectable()
export class NotificationsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('notifications.digest', ({ userId, day }) => this.notifications.sendDigest(userId, day));
  }
}
