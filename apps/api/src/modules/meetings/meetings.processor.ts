import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../../common/jobs/job-handler.registry.js';
import { MeetingNotifications } from './meeting-notifications.service.js';

/** Handles `meetings.remind`: the reminder mails themselves are `mail.send` jobs with fixed ids. */
@Injectable()
export class MeetingsProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly notifications: MeetingNotifications,
  ) {}

  onModuleInit(): void {
    this.registry.register('meetings.remind', async ({ meetingId, occurrenceStart, minutesBefore }) => {
      await this.notifications.sendReminder(meetingId, new Date(occurrenceStart), minutesBefore);
    });
  }
}
