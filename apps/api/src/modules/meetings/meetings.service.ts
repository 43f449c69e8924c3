import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { MeetingCreate, MeetingDetail, MeetingSummary, MeetingUpdate, OccurrenceMove } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingRegistrationsRepository } from './meeting-registrations.repository.js';
import {
  assertValidRecurrence,
  localToInstant,
  occurrencesBetween,
  overlaps,
  seriesEnd,
  upcomingOccurrences,
} from './meeting-time.js';
import { toDetail, toSummary } from './meeting-view.js';
import { MeetingsRepository, type MeetingData, type StoredMeeting } from './meetings.repository.js';

/** The reader's zone from their profile; UTC if the stored name is not one this runtime knows. */
export function viewerZone(actor: Actor): string {
  return DateTime.local().setZone(actor.timeZone).isValid ? actor.timeZone : 'UTC';
}

/** Same shape as schema errors: the message is a validation key the SPA translates. */
const fieldError = (field: string, key: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: { [field]: [{ code: 'custom', message: key }] } });

/** Changes of time and place need a meeting that is on and whose time is known. */
export function assertScheduled(meeting: StoredMeeting): void {
  if (meeting.status === 'CANCELLED') throw new AppError('MEETING_CANCELLED', 'This meeting has been cancelled.');
  if (meeting.status === 'PLANNING') throw new AppError('MEETING_TIME_NOT_CHOSEN', 'Pick one of the proposed times first.');
}

/**
 * The start the recurrence rule gives the occurrence now at `start` (which may have been moved):
 * calendars identify an occurrence by that start. Not an occurrence → a field error.
 */
function ruleStartOf(meeting: StoredMeeting, start: Date): Date {
  const isOccurrence =
    !!meeting.recurrence &&
    occurrencesBetween(meeting, start, new Date(start.getTime() + 1)).some((o) => o.startsAt.getTime() === start.getTime());
  if (!isOccurrence) throw fieldError('occurrenceStart', 'notAnOccurrence', 'The meeting does not take place at this time.');
  return meeting.occurrenceMoves.find((m) => m.startsAt.getTime() === start.getTime())?.originalStart ?? start;
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly repository: MeetingsRepository,
    private readonly registrations: MeetingRegistrationsRepository,
    private readonly access: MeetingAccess,
    private readonly policy: AccessPolicy,
    private readonly notifications: MeetingNotifications,
    private readonly audit: AuditService,
    private readonly clock: MeetingClock,
  ) {}

  async create(actor: Actor, input: MeetingCreate): Promise<MeetingDetail> {
    const [host] = await this.policy.requireOrganisationAccess(actor, 'meetings.manage', [input.hostOrganisationId]);
    const data = await this.toData(input, host!.networkId, host!.id);
    const meeting = await this.repository.create(
      { networkId: host!.networkId, hostOrganisationId: host!.id, createdById: actor.userId },
      data,
      undefined,
      (tx, created) => this.notifications.meetingScheduled(created, tx),
    );
    await this.record(actor, 'meeting.created', meeting);
    return this.detail(actor, meeting);
  }

  async update(actor: Actor, meetingId: string, input: MeetingUpdate): Promise<MeetingDetail> {
    const before = await this.access.requireManage(actor, meetingId);
    assertScheduled(before);
    const data = await this.toData(input, before.networkId, before.hostOrganisationId);
    const meeting = await this.repository.update(meetingId, data, (confirmed) => {
      if (data.capacity !== null && data.capacity < confirmed) {
        throw new AppError(
          'MEETING_CAPACITY_BELOW_REGISTRATIONS',
          `${confirmed} people already have a seat; the capacity cannot be lower.`,
          { confirmed, fields: { capacity: [{ code: 'custom', message: 'capacityBelowRegistrations' }] } },
        );
      }
    }, (tx, changed) => this.notifications.meetingChanged(before, changed, tx));
    // More seats may have opened: the waiting list moves up, and those promoted hear of it in the same transaction.
    await this.registrations.withMeetingLock(meetingId, async (tx, locked) => {
      const promoted = await this.registrations.fillFreeSeats(tx, locked);
      if (promoted.length) await this.notifications.promoted(meeting, promoted, tx);
    });
    await this.record(actor, 'meeting.updated', meeting);
    return this.detail(actor, meeting);
  }

  async cancel(actor: Actor, meetingId: string): Promise<MeetingDetail> {
    const before = await this.access.requireManage(actor, meetingId);
    if (before.status === 'CANCELLED') return this.detail(actor, before);
    const meeting = await this.repository.cancel(meetingId, (tx, cancelled) => this.notifications.meetingCancelled(cancelled, tx));
    await this.record(actor, 'meeting.cancelled', meeting);
    return this.detail(actor, meeting);
  }

  /** Cancels one occurrence of a recurring meeting (an exception: EXDATE in calendars). */
  async cancelOccurrence(actor: Actor, meetingId: string, occurrenceStart: string): Promise<MeetingDetail> {
    const before = await this.access.requireManage(actor, meetingId);
    assertScheduled(before);
    const original = ruleStartOf(before, new Date(occurrenceStart));
    const meeting = await this.repository.excludeOccurrence(meetingId, original, (tx, changed) =>
      this.notifications.meetingChanged(before, changed, tx),
    );
    await this.record(actor, 'meeting.updated', meeting, { cancelledOccurrence: original.toISOString() });
    return this.detail(actor, meeting);
  }

  /**
   * Moves one occurrence of a series to another time (a RECURRENCE-ID override in calendars).
   * Moving it again replaces the move; the occurrence keeps the identity the rule gave it.
   */
  async moveOccurrence(actor: Actor, meetingId: string, input: OccurrenceMove): Promise<MeetingDetail> {
    const before = await this.access.requireManage(actor, meetingId);
    assertScheduled(before);
    const original = ruleStartOf(before, new Date(input.occurrenceStart));
    const startsAt = localToInstant(input.startLocal, before.timeZone, 'startLocal');
    const endsAt = localToInstant(input.endLocal, before.timeZone, 'endLocal');
    if (endsAt <= startsAt) throw fieldError('endLocal', 'endBeforeStart', 'The meeting must end after it starts.');
    const meeting = await this.repository.moveOccurrence(meetingId, original, { startsAt, endsAt }, (tx, changed) =>
      this.notifications.meetingChanged(before, changed, tx),
    );
    await this.record(actor, 'meeting.updated', meeting, { movedOccurrence: original.toISOString(), to: startsAt.toISOString() });
    return this.detail(actor, meeting);
  }

  async get(actor: Actor, meetingId: string): Promise<MeetingDetail> {
    return this.detail(actor, await this.access.requireVisible(actor, meetingId));
  }

  async list(actor: Actor, when: 'upcoming' | 'past'): Promise<{ items: MeetingSummary[] }> {
    const now = this.clock.now();
    const meetings = await this.repository.listVisible(this.access.audienceOf(actor), when, now);
    const hosts = new Map((await this.repository.organisations(meetings.map((m) => m.hostOrganisationId))).map((o) => [o.id, o.name]));
    const mine = await this.registrations.answersOf(actor.userId, meetings.map((m) => m.id));
    const answers = new Map(mine.map((r) => [r.meetingId, r.answer]));
    const items: MeetingSummary[] = [];
    // Once per request, not per meeting: checking the zone builds an Intl formatter.
    const zone = viewerZone(actor);
    for (const m of meetings) {
      const next = upcomingOccurrences(m, now, 1)[0];
      if (when === 'upcoming' && next) items.push(toSummary(m, hosts.get(m.hostOrganisationId) ?? '', next, answers.get(m.id) ?? null, zone));
      if (when === 'past' && !next) {
        items.push(toSummary(m, hosts.get(m.hostOrganisationId) ?? '', { startsAt: m.startsAt, endsAt: m.endsAt }, answers.get(m.id) ?? null, zone));
      }
    }
    items.sort((a, b) => (when === 'upcoming' ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt)));
    return { items };
  }

  async detail(actor: Actor, meeting: StoredMeeting): Promise<MeetingDetail> {
    const now = this.clock.now();
    const invitedIds = meeting.invitedOrganisations.map((i) => i.organisationId);
    const organisations = await this.repository.organisations([meeting.hostOrganisationId, ...invitedIds]);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const host = byId.get(meeting.hostOrganisationId);
    const counts = { yes: 0, maybe: 0, no: 0, waiting: 0 };
    for (const group of await this.repository.registrationCounts(meeting.id)) {
      if (group.seat === 'WAITING') counts.waiting += group._count._all;
      else counts[group.answer.toLowerCase() as 'yes' | 'maybe' | 'no'] += group._count._all;
    }
    const mine = await this.repository.registrationOf(meeting.id, actor.userId);
    const canManage = this.access.canManage(actor, meeting);
    const canRespondFor = this.access.respondableOrganisations(actor, meeting);
    return toDetail(
      meeting,
      {
        hostOrganisation: { id: meeting.hostOrganisationId, name: host?.name ?? '' },
        invitedOrganisations: invitedIds.flatMap((id) => {
          const o = byId.get(id);
          return o ? [{ id: o.id, name: o.name, country: o.country }] : [];
        }),
        counts,
        myRegistration: mine
          ? {
              answer: mine.answer,
              seat: mine.seat,
              delegate: mine.delegate,
              waitingPosition: mine.seat === 'WAITING' ? (await this.repository.waitingBefore(meeting.id, mine.createdAt)) + 1 : null,
            }
          : null,
        canManage,
        canRespondFor,
        canSeeFollowUp: canManage || canRespondFor.length > 0 || (!!mine && mine.answer !== 'NO'),
        conflicts: meeting.status === 'SCHEDULED' ? await this.conflicts(actor, meeting, now) : [],
      },
      now,
      viewerZone(actor),
    );
  }

  /** The caller's other meetings (yes or maybe) that overlap one of this meeting's next occurrences. */
  private async conflicts(actor: Actor, meeting: StoredMeeting, now: Date) {
    const mine = upcomingOccurrences(meeting, now, 20);
    if (mine.length === 0) return [];
    const from = mine[0]!.startsAt;
    const to = mine[mine.length - 1]!.endsAt;
    const result: { id: string; title: string; occurrence: { startsAt: Date; endsAt: Date } }[] = [];
    for (const other of await this.repository.otherMeetingsOf(actor.userId, meeting.id)) {
      const clash = occurrencesBetween(other, new Date(from.getTime() - 86_400_000 * 2), to).find((o) =>
        mine.some((m) => overlaps(m, o)),
      );
      if (clash) result.push({ id: other.id, title: other.title, occurrence: clash });
    }
    return result;
  }

  /** Checks what the schema cannot: real instants, the rule, the invited organisations' network. */
  async toData(input: MeetingUpdate, networkId: string, hostId: string): Promise<MeetingData> {
    const startsAt = localToInstant(input.startLocal, input.timeZone, 'startLocal');
    const endsAt = localToInstant(input.endLocal, input.timeZone, 'endLocal');
    // Wall times can be in order while instants are not (a fall-back hour); instants decide.
    if (endsAt <= startsAt) throw fieldError('endLocal', 'endBeforeStart', 'The meeting must end after it starts.');
    assertValidRecurrence(input.recurrence);
    const registrationDeadline = input.registrationDeadlineLocal
      ? localToInstant(input.registrationDeadlineLocal, input.timeZone, 'registrationDeadlineLocal')
      : null;
    if (registrationDeadline && registrationDeadline > seriesEnd({ ...input, startsAt, endsAt, excludedStarts: [] })) {
      throw fieldError('registrationDeadlineLocal', 'deadlineAfterMeeting', 'The registration deadline must come before the meeting ends.');
    }
    const invited = [...new Set(input.invitedOrganisationIds)].filter((id) => id !== hostId);
    const found = await this.repository.organisations(invited);
    // Organisations are invited within the host's network only; others do not exist for the caller.
    if (found.length !== invited.length || found.some((o) => o.networkId !== networkId)) throw notFound('organisation');
    return {
      title: input.title,
      description: input.description,
      format: input.format,
      address: input.format === 'ONLINE' ? null : input.address,
      onlineUrl: input.format === 'IN_PERSON' ? null : input.onlineUrl,
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      recurrence: input.recurrence,
      languages: input.languages,
      interpretationNeeds: input.interpretationNeeds,
      wholeNetwork: input.wholeNetwork,
      capacity: input.capacity,
      registrationDeadline,
      agenda: input.agenda,
      invitedOrganisationIds: invited,
      reminderMinutes: [...new Set(input.reminderMinutes)].sort((a, b) => b - a),
    };
  }

  record(actor: Actor, action: 'meeting.created' | 'meeting.updated' | 'meeting.cancelled' | 'meeting.time_picked', meeting: StoredMeeting, details: Record<string, unknown> = {}) {
    return this.audit.record({
      action,
      actorId: actor.userId,
      organisationId: meeting.hostOrganisationId,
      networkId: meeting.networkId,
      details: { meetingId: meeting.id, title: meeting.title, sequence: meeting.sequence, ...details },
    });
  }
}
