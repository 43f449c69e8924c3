import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingParticipationService } from './meeting-participation.service.js';
import { MeetingRegistrationsRepository } from './meeting-registrations.repository.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsProcessor } from './meetings.processor.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  controllers: [MeetingsController, CalendarFeedController],
  providers: [
    MeetingClock,
    MeetingsRepository,
    MeetingRegistrationsRepository,
    CalendarFeedRepository,
    MeetingAccess,
    MeetingNotifications,
    MeetingsService,
    MeetingParticipationService,
    MeetingCalendarService,
    CalendarFeedService,
    MeetingsProcessor,
  ],
  // Campaigns (collaboration) link meetings and show them only to those who may see them.
  exports: [MeetingAccess, MeetingsRepository],
})
export class MeetingsModule {}
