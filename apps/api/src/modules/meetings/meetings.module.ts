import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingParticipationService } from './meeting-participation.service.js';
import { MeetingRegistrationsRepository } from './meeting-registrations.repository.js';
import { MeetingFollowUpController } from './meeting-follow-up.controller.js';
import { MeetingFollowUpRepository } from './meeting-follow-up.repository.js';
import { MeetingFollowUpService } from './meeting-follow-up.service.js';
import { MeetingPollsController } from './meeting-polls.controller.js';
import { MeetingPollsRepository } from './meeting-polls.repository.js';
import { MeetingPollsService } from './meeting-polls.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsProcessor } from './meetings.processor.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingTimeInZonesService } from './meeting-time-in-zones.service.js';

@Module({
  imports: [NotificationsModule],
  // The polls controller comes first so that POST /meetings/polls is not read as a meeting id.
  controllers: [MeetingPollsController, MeetingsController, MeetingFollowUpController, CalendarFeedController],
  providers: [
    MeetingClock,
    MeetingsRepository,
    MeetingRegistrationsRepository,
    CalendarFeedRepository,
    MeetingAccess,
    MeetingNotifications,
    MeetingsService,
    MeetingTimeInZonesService,
    MeetingParticipationService,
    MeetingCalendarService,
    CalendarFeedService,
    MeetingsProcessor,
    MeetingPollsRepository,
    MeetingPollsService,
    MeetingFollowUpRepository,
    MeetingFollowUpService,
  ],
  // Campaigns (collaboration) link meetings and show them only to those who may see them.
  exports: [MeetingAccess],
})
export class MeetingsModule {}
