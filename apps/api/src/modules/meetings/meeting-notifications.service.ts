import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { renderCalendar, type CalendarMeeting } from './meeting-calendar.js';
import { MeetingClock } from './meeting-clock.js';
import { meetingMail, type MeetingMailKind } from './meeting-mail.js';
import { upcomingOccurrences } from './meeting-time.js';
import { MeetingsRepository, type StoredMeeting } from './meetings.repository.js';
import { noticeOf } from '../../common/channels/short-messages.js';

interface Recipient {
  id: string;
  name: string;
  email: string | null;
  preferredLanguage: string;
  timeZone: string;
}

/** Deterministic: the same reminder of the same occurrence always has the same job. */
export const reminderJobId = (meetingId: string, start: Date, minutesBefore: number) =>
  `meeting-reminder:${meetingId}:${start.getTime()}:${minutesBefore}m`;

/**
 * Delay until a reminder is due, from the clock's "now". Null when its moment has passed
 * (a meeting created 30 minutes ahead gets no 24-hour reminder).
 */
export function reminderDelay(start: Date, beforeMs: number, now: Date): number | null {
  const delay = start.getTime() - beforeMs - now.getTime();
  return delay > 0 ? delay : null;
}

/**
 * E-mails about meetings (with the .ics attached) and their reminders as delayed jobs.
 * Every mail is its own job with an id made of what it is about, so a retried job or a
 * repeated call never sends the same mail twice while BullMQ remembers that id; reminders are
 * also recorded per person in PostgreSQL (`MeetingReminderSent`), which does not forget.
 */
@Injectable()
export class MeetingNotifications {
  private readonly logger = new Logger('MeetingNotifications');

  constructor(
    private readonly repository: MeetingsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: MeetingClock,
    private readonly inApp: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  link(meetingId: string): string {
    return `${this.config.publicUrl}/meetings/${meetingId}`;
  }

  /**
   * Every method that queues takes the transaction of the change that causes it (`tx`): its
   * reads see that change and its jobs and notifications commit, or roll back, with it.
   */
  async meetingScheduled(meeting: StoredMeeting, tx?: JobTx): Promise<void> {
    const leaders = (await this.repository.invitedLeaders(meeting, tx)).map((m) => m.user);
    if (meeting.status === 'PLANNING') {
      // Asked when they can come: the notification (and its e-mail) is the only message.
      await this.notifyInApp(meeting, 'meetingPoll', 'poll', leaders.map((l) => l.id), false, tx);
      return;
    }
    await this.mailEach(meeting, 'invitation', leaders, `invitation:${meeting.sequence}`, tx);
    await this.notifyInApp(meeting, 'meetingInvitation', 'invitation', leaders.map((l) => l.id), true, tx);
    await this.scheduleReminders(meeting, tx);
  }

  /** After an edit: everyone who was told before hears of the change; reminders move. */
  async meetingChanged(before: StoredMeeting, after: StoredMeeting, tx?: JobTx): Promise<void> {
    // Organisations invited by this change get an invitation; everyone else hears of the change.
    const newlyInvited = await this.newlyInvitedLeaders(before, after, tx);
    const recipients = (await this.audience(after, tx)).filter((p) => !newlyInvited.some((n) => n.id === p.id));
    await this.mailEach(after, 'invitation', newlyInvited, `invitation:${after.sequence}`, tx);
    await this.mailEach(after, 'updated', recipients, `updated:${after.sequence}`, tx);
    await this.notifyInApp(after, 'meetingInvitation', 'invitation', newlyInvited.map((p) => p.id), true, tx);
    if (timesDiffer(before, after)) {
      await this.notifyInApp(after, 'meetingTimeChanged', `time:${after.sequence}`, recipients.map((p) => p.id), true, tx);
    }
    await this.cancelReminders(before, tx);
    await this.scheduleReminders(after, tx);
  }

  async meetingCancelled(meeting: StoredMeeting, tx?: JobTx): Promise<void> {
    const audience = await this.audience(meeting, tx);
    await this.mailEach(meeting, 'cancelled', audience, `cancelled:${meeting.sequence}`, tx);
    await this.notifyInApp(meeting, 'meetingCancelled', 'cancelled', audience.map((p) => p.id), true, tx);
    await this.cancelReminders(meeting, tx);
  }

  /**
   * An in-app notification; `event` plus the person is unique for ever, so one event never
   * notifies twice. `inAppOnly` where a meeting e-mail (with its .ics) already says it.
   */
  async notifyInApp(
    meeting: StoredMeeting,
    kind: 'meetingInvitation' | 'meetingPoll' | 'meetingTimeChanged' | 'meetingCancelled' | 'meetingMinutes',
    event: string,
    recipients: string[],
    inAppOnly: boolean,
    tx?: JobTx,
  ): Promise<void> {
    const [host] = await this.repository.organisations([meeting.hostOrganisationId], tx);
    await this.inApp.notify({
      eventKey: `meeting:${meeting.id}:${event}`,
      kind,
      recipients,
      data: { title: meeting.title, organisation: host?.name ?? '' },
      link: `/meetings/${meeting.id}`,
      inAppOnly,
    }, tx);
  }

  /** Everyone told about the meeting: invited leaders and people who said yes or maybe. */
  async audienceIds(meeting: StoredMeeting, tx?: JobTx): Promise<string[]> {
    return (await this.audience(meeting, tx)).map((p) => p.id);
  }

  /** People who got a seat from the waiting list; `tx` is the one that gave them the seat. */
  async promoted(meeting: StoredMeeting, userIds: string[], tx?: JobTx): Promise<void> {
    const users = await this.repository.users(userIds, tx);
    await this.mailEach(meeting, 'promoted', users, `promoted:${this.clock.now().getTime()}`, tx);
  }

  /** Queues the reminders of the next occurrence; the last one of it queues the following. */
  async scheduleReminders(meeting: StoredMeeting, tx?: JobTx): Promise<void> {
    if (meeting.status !== 'SCHEDULED') return;
    const now = this.clock.now();
    const next = nextRemindable(meeting, now, now);
    if (next) await this.scheduleFrom(meeting, next.startsAt, tx);
  }

  async cancelReminders(meeting: StoredMeeting, tx?: JobTx): Promise<void> {
    const now = this.clock.now();
    for (const occurrence of upcomingOccurrences(meeting, now, REMINDER_LOOKAHEAD)) {
      for (const minutes of meeting.reminderMinutes) await this.jobs.remove(reminderJobId(meeting.id, occurrence.startsAt, minutes), { tx });
    }
  }

  /** Runs when a reminder is due: mails the participants, unless the occurrence or reminder changed. */
  async sendReminder(meetingId: string, occurrenceStart: Date, minutesBefore: number): Promise<void> {
    const meeting = await this.repository.findById(meetingId);
    if (!meeting || meeting.status === 'CANCELLED' || !meeting.reminderMinutes.includes(minutesBefore)) return;
    const stillPlanned = upcomingOccurrences(meeting, new Date(occurrenceStart.getTime() - 1), 1)[0];
    if (stillPlanned?.startsAt.getTime() !== occurrenceStart.getTime()) return; // a stale job from before a change
    const due = occurrenceStart.getTime() - minutesBefore * 60_000;
    const now = this.clock.now();
    if (now.getTime() < due - 60_000) return; // far too early: never remind days ahead
    if (now.getTime() >= occurrenceStart.getTime()) {
      // A job that ran very late (worker down, retried for hours): "starts in one hour" would be false.
      this.logger.log(`Reminder ${minutesBefore}m of meeting ${meetingId} at ${occurrenceStart.toISOString()} skipped: the occurrence has started`);
      await this.chainNext(meeting, occurrenceStart, minutesBefore);
      return;
    }
    const registrations = await this.repository.participants(meeting.id);
    const seated = registrations.filter((r) => r.seat === 'CONFIRMED').map((r) => r.userId);
    const users = await this.repository.users(seated);
    const kind: MeetingMailKind = minutesBefore === 1440 ? 'reminder24h' : minutesBefore === 60 ? 'reminder1h' : 'reminder';
    // One transaction: each person's record with their mail job, and the next occurrence's
    // reminders (deterministic ids). A run handed over twice finds the records and queues
    // nothing new; a run that fails halfway leaves nothing, so its retry does it all.
    await this.repository.reminderRun(async (tx) => {
      // Recorded per person in PostgreSQL, not only by the mail job's id, which BullMQ forgets.
      const once = (person: Recipient, send: (tx?: JobTx) => Promise<void>) =>
        this.repository.recordReminderSent({ meetingId, occurrenceStart, minutesBefore, userId: person.id }, send, tx);
      await this.mailEach(meeting, kind, users, `reminder:${occurrenceStart.getTime()}:${minutesBefore}m`, tx, occurrenceStart, once);
      await this.chainNext(meeting, occurrenceStart, minutesBefore, tx);
    });
  }

  /** The next occurrence of a series gets its reminders once this one's last is handled (in `tx` when given). */
  private async chainNext(meeting: StoredMeeting, occurrenceStart: Date, minutesBefore: number, tx?: JobTx) {
    if (minutesBefore !== Math.min(...meeting.reminderMinutes)) return;
    const later = nextRemindable(meeting, occurrenceStart, this.clock.now());
    if (later) await this.scheduleFrom(meeting, later.startsAt, tx);
  }

  private async scheduleFrom(meeting: StoredMeeting, start: Date, tx?: JobTx) {
    const now = this.clock.now();
    for (const minutes of meeting.reminderMinutes) {
      const delayMs = reminderDelay(start, minutes * 60_000, now);
      if (delayMs === null) continue;
      await this.jobs.enqueue(
        'meetings.remind',
        { meetingId: meeting.id, occurrenceStart: start.toISOString(), minutesBefore: minutes },
        { jobId: reminderJobId(meeting.id, start, minutes), delayMs, tx },
      );
    }
  }

  private async newlyInvitedLeaders(before: StoredMeeting, after: StoredMeeting, tx?: JobTx): Promise<Recipient[]> {
    const leadersBefore = new Set((await this.repository.invitedLeaders(before, tx)).map((m) => m.user.id));
    return (await this.repository.invitedLeaders(after, tx)).map((m) => m.user).filter((u) => !leadersBefore.has(u.id));
  }

  /** Invited leaders and everyone who answered yes or maybe, once each. */
  private async audience(meeting: StoredMeeting, tx?: JobTx): Promise<Recipient[]> {
    const leaders = (await this.repository.invitedLeaders(meeting, tx)).map((m) => m.user);
    const registered = await this.repository.users((await this.repository.participants(meeting.id, tx)).map((r) => r.userId), tx);
    const byId = new Map<string, Recipient>();
    for (const person of [...leaders, ...registered]) byId.set(person.id, person);
    return [...byId.values()];
  }

  private async mailEach(
    meeting: StoredMeeting,
    kind: MeetingMailKind,
    recipients: Recipient[],
    event: string,
    tx?: JobTx,
    startsAt = meeting.startsAt,
    once: (person: Recipient, send: (tx?: JobTx) => Promise<void>) => Promise<unknown> = (_person, send) => send(tx),
  ) {
    if (recipients.length === 0) return;
    const [host] = await this.repository.organisations([meeting.hostOrganisationId], tx);
    const withCalendar = kind === 'invitation' || kind === 'updated' || kind === 'cancelled';
    const entry = withCalendar ? await this.calendarMeeting(meeting, host?.name ?? '', tx) : null;
    for (const person of recipients) {
      // Each recipient's copy names only them among the attendees.
      const ics = entry ? renderCalendar([onlyAttendee(entry, person.id)], 'invitation', (id) => this.link(id)) : null;
      const mail = meetingMail({
        kind,
        language: person.preferredLanguage,
        recipientName: person.name,
        recipientTimeZone: person.timeZone,
        title: meeting.title,
        hostName: host?.name ?? '',
        startsAt,
        hostTimeZone: meeting.timeZone,
        link: this.link(meeting.id),
        withCalendar,
      });
      const reason = `meeting:${meeting.id}:${event}:${person.id}`;
      const method = meeting.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
      // Through the person's channels for meetings: the mail with its .ics, or its subject and link by SMS/WhatsApp.
      await once(person, (tx) => this.jobs.enqueue(
        'messages.send',
        {
          reason,
          kind: 'MEETING',
          userId: person.id,
          networkId: meeting.networkId,
          email: {
            ...mail,
            attachments: ics
              ? [{ filename: 'meeting.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }]
              : undefined,
          },
          short: noticeOf(mail.subject, this.link(meeting.id)),
        },
        { jobId: reason, tx },
      ));
    }
  }

  /**
   * The meeting as iCalendar, with organiser and attendees. `attendeesFor` is whose eyes it is
   * for: 'all' lists everyone (for those allowed to see who comes), a user id lists only that
   * person, so a volunteer's copy never carries other people's e-mail addresses.
   */
  async calendarFor(meeting: StoredMeeting, hostName: string, purpose: 'invitation' | 'download', attendeesFor: 'all' | string): Promise<string> {
    const entry = onlyAttendee(await this.calendarMeeting(meeting, hostName), attendeesFor);
    return renderCalendar([entry], purpose, (id) => this.link(id));
  }

  async calendarMeeting(meeting: StoredMeeting, hostName: string, tx?: JobTx): Promise<CalendarMeeting> {
    const [entry] = await this.calendarMeetings([meeting], new Map([[meeting.hostOrganisationId, hostName]]), tx);
    return entry!;
  }

  /** Many meetings for a feed, in three queries whatever their number. */
  async calendarMeetings(meetings: StoredMeeting[], hostNames: Map<string, string>, tx?: JobTx): Promise<CalendarMeeting[]> {
    const registrations = await this.repository.participantsOf(meetings.map((m) => m.id), tx);
    const userIds = [...meetings.map((m) => m.createdById), ...registrations.map((r) => r.userId)];
    const users = new Map((await this.repository.users([...new Set(userIds)], tx)).map((u) => [u.id, u]));
    return meetings.map((meeting) => {
      const hostName = hostNames.get(meeting.hostOrganisationId) ?? '';
      const creator = users.get(meeting.createdById);
      return {
        ...meeting,
        hostOrganisationName: hostName,
        organizer: { name: hostName, email: creator?.email ?? 'no-reply@tadamon.local' },
        attendees: registrations
          .filter((r) => r.meetingId === meeting.id && r.seat === 'CONFIRMED')
          .flatMap((r) => {
            const user = users.get(r.userId);
            // iCalendar names attendees by address: people without one are left out of the list.
            return user?.email ? [{ userId: user.id, name: user.name, email: user.email, answer: r.answer }] : [];
          }),
      };
    });
  }
}

/** How many coming occurrences the reminder chain looks at (and cleans up after). */
const REMINDER_LOOKAHEAD = 3;

/**
 * The occurrence whose reminders to queue: the first that starts after `after` and whose last
 * reminder is still ahead — that reminder, once sent, queues the following occurrence's. An
 * occurrence already under way counts as upcoming, hence `after`; one too close to remind of
 * is skipped, or the series would never be reminded of again.
 */
function nextRemindable(meeting: StoredMeeting, after: Date, now: Date) {
  const lastLeadMs = Math.min(...meeting.reminderMinutes) * 60_000;
  return upcomingOccurrences(meeting, after, REMINDER_LOOKAHEAD).find(
    (o) => o.startsAt > after && o.startsAt.getTime() - lastLeadMs > now.getTime(),
  );
}

/** Whether an edit changed when the meeting (or one of its occurrences) takes place. */
function timesDiffer(before: StoredMeeting, after: StoredMeeting): boolean {
  const moves = (m: StoredMeeting) => m.occurrenceMoves.map((o) => `${o.originalStart.getTime()}>${o.startsAt.getTime()}-${o.endsAt.getTime()}`).join();
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.timeZone !== after.timeZone ||
    before.recurrence !== after.recurrence ||
    before.excludedStarts.length !== after.excludedStarts.length ||
    moves(before) !== moves(after)
  );
}

export function onlyAttendee(entry: CalendarMeeting, attendeesFor: 'all' | string): CalendarMeeting {
  return attendeesFor === 'all' ? entry : { ...entry, attendees: entry.attendees.filter((a) => a.userId === attendeesFor) };
}
