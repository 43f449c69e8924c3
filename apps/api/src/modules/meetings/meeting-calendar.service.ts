import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingsRepository } from './meetings.repository.js';

/** One meeting as an .ics download, for anyone who may see the meeting; attendees only for leaders. */
@Injectable()
export class MeetingCalendarService {
  constructor(
    private readonly access: MeetingAccess,
    private readonly repository: MeetingsRepository,
    private readonly notifications: MeetingNotifications,
  ) {}

  async forMeeting(actor: Actor, meetingId: string): Promise<string> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    const [host] = await this.repository.organisations([meeting.hostOrganisationId]);
    const seesWhoComes = this.access.canManage(actor, meeting) || this.access.respondableOrganisations(actor, meeting).length > 0;
    return this.notifications.calendarFor(meeting, host?.name ?? '', 'download', seesWhoComes ? 'all' : actor.userId);
  }
}
