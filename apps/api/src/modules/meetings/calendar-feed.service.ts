import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { hashToken, newToken } from '../../common/auth/tokens.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';
import { renderCalendar } from './meeting-calendar.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications, onlyAttendee } from './meeting-notifications.service.js';
import { MeetingsRepository } from './meetings.repository.js';

/**
 * A person's private subscription URL. Calendar apps cannot sign in, so the URL itself is
 * the secret: 256 random bits, shown once, revocable, replaced by asking for a new one.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly meetings: MeetingsRepository,
    private readonly notifications: MeetingNotifications,
    private readonly clock: MeetingClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor): Promise<{ url: string }> {
    const token = newToken();
    await this.feeds.replace(actor.userId, hashToken(token), this.clock.now());
    return { url: `${this.config.publicUrl}/api/calendar-feeds/${token}/meetings.ics` };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.feeds.revokeAll(actor.userId, this.clock.now());
  }

  /** The meetings the token's owner said yes or maybe to, cancelled ones marked as such. */
  async render(token: string): Promise<string> {
    const feed = await this.feeds.findLive(hashToken(token));
    if (!feed || !(await this.feeds.activeUser(feed.userId))) {
      throw new AppError('CALENDAR_FEED_INVALID', 'This calendar address is not valid (any more).');
    }
    const meetings = await this.meetings.meetingsOfPerson(feed.userId);
    const hosts = new Map((await this.meetings.organisations(meetings.map((m) => m.hostOrganisationId))).map((o) => [o.id, o.name]));
    // The feed owner appears as attendee; other people's addresses stay out of it.
    const entries = (await this.notifications.calendarMeetings(meetings, hosts)).map((e) => onlyAttendee(e, feed.userId));
    return renderCalendar(entries, 'feed', (id) => this.notifications.link(id));
  }
}
