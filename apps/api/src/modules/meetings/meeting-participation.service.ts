import { Injectable } from '@nestjs/common';
import type { Attendee, MeetingDetail, OrganisationResponseInput, RegistrationInput } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingRegistrationsRepository } from './meeting-registrations.repository.js';
import { seriesEnd } from './meeting-time.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingsRepository, type StoredMeeting } from './meetings.repository.js';

/** Taking part: personal answers, the waiting list, organisations' answers and delegates. */
@Injectable()
export class MeetingParticipationService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly meetingsRepository: MeetingsRepository,
    private readonly registrations: MeetingRegistrationsRepository,
    private readonly access: MeetingAccess,
    private readonly notifications: MeetingNotifications,
    private readonly audit: AuditService,
    private readonly clock: MeetingClock,
  ) {}

  async register(actor: Actor, meetingId: string, input: RegistrationInput): Promise<MeetingDetail> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    this.assertOpen(meeting);
    const organisationId = this.access.registeringOrganisation(actor, meeting);
    await this.registrations.withMeetingLock(meetingId, async (tx, locked) => {
      const promoted = await this.registrations.setAnswer(tx, locked, {
        userId: actor.userId,
        organisationId,
        answer: input.answer,
        delegate: await this.registrations.isDelegate(tx, meetingId, actor.userId),
      });
      await this.afterSeatsChanged(meeting, promoted, tx);
    });
    return this.meetings.get(actor, meetingId);
  }

  async unregister(actor: Actor, meetingId: string): Promise<MeetingDetail> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    if (meeting.status === 'CANCELLED') throw new AppError('MEETING_CANCELLED', 'This meeting has been cancelled.');
    await this.registrations.withMeetingLock(meetingId, async (tx, locked) =>
      this.afterSeatsChanged(meeting, await this.registrations.remove(tx, locked, actor.userId), tx),
    );
    return this.meetings.get(actor, meetingId);
  }

  /**
   * A leader answers for their organisation. Accepting names delegates (members of that
   * organisation), who are registered as coming; declining withdraws the delegates.
   */
  async respond(actor: Actor, meetingId: string, organisationId: string, input: OrganisationResponseInput): Promise<MeetingDetail> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    if (!this.access.respondableOrganisations(actor, meeting).includes(organisationId)) {
      const member = actor.organisations.has(organisationId);
      // Not the caller's organisation, or not invited: it does not exist for them here.
      if (!member) throw notFound('organisation');
      throw new AppError('FORBIDDEN', 'Only a leader of an invited organisation may answer for it.');
    }
    this.assertOpen(meeting);
    const delegates = [...new Set(input.response === 'ACCEPTED' ? input.delegateUserIds : [])];
    const members = await this.registrations.membersOf(organisationId, delegates);
    if (members.length !== delegates.length) {
      throw new AppError('VALIDATION_FAILED', 'Delegates must be members of the organisation.', {
        fields: { delegateUserIds: [{ code: 'custom', message: 'delegateNotMember' }] },
      });
    }
    await this.registrations.withMeetingLock(meetingId, async (tx, locked) => {
      await this.registrations.setOrganisationResponse(tx, meetingId, organisationId, input.response, actor.userId);
      const freed: string[] = [];
      for (const previous of await this.registrations.delegatesOf(tx, meetingId, organisationId)) {
        if (!delegates.includes(previous.userId)) freed.push(...(await this.registrations.remove(tx, locked, previous.userId)));
      }
      for (const userId of delegates) {
        freed.push(...(await this.registrations.setAnswer(tx, locked, { userId, organisationId, answer: 'YES', delegate: true })));
      }
      await this.afterSeatsChanged(meeting, freed, tx);
    });
    await this.audit.record({
      action: 'meeting.organisation_responded',
      actorId: actor.userId,
      organisationId,
      networkId: meeting.networkId,
      details: { meetingId, response: input.response, delegates },
    });
    return this.meetings.get(actor, meetingId);
  }

  /** Who comes: for the host's leaders, coordinators and leaders of invited organisations. */
  async attendees(actor: Actor, meetingId: string): Promise<{ items: Attendee[] }> {
    const meeting = await this.access.requireVisible(actor, meetingId);
    if (!this.access.canManage(actor, meeting) && this.access.respondableOrganisations(actor, meeting).length === 0) {
      throw new AppError('FORBIDDEN', 'Only leaders and coordinators see who comes.');
    }
    const rows = await this.registrations.attendees(meetingId);
    const users = new Map((await this.meetingsRepository.users(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    const organisationIds = rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
    const organisations = new Map((await this.meetingsRepository.organisations(organisationIds)).map((o) => [o.id, o.name]));
    return {
      items: rows.map((r) => ({
        userId: r.userId,
        name: users.get(r.userId)?.name ?? '',
        organisationName: r.organisationId ? (organisations.get(r.organisationId) ?? null) : null,
        answer: r.answer,
        seat: r.seat,
        delegate: r.delegate,
      })),
    };
  }

  private assertOpen(meeting: StoredMeeting) {
    if (meeting.status === 'CANCELLED') throw new AppError('MEETING_CANCELLED', 'This meeting has been cancelled.');
    if (meeting.status === 'PLANNING') throw new AppError('MEETING_TIME_NOT_CHOSEN', 'Its time is still being found: answer the poll instead.');
    const now = this.clock.now();
    // Without a deadline, registration closes when the last occurrence has ended.
    if ((meeting.registrationDeadline && now > meeting.registrationDeadline) || seriesEnd(meeting) < now) {
      throw new AppError('MEETING_REGISTRATION_CLOSED', 'Registration for this meeting has closed.', {
        deadline: (meeting.registrationDeadline ?? seriesEnd(meeting)).toISOString(),
      });
    }
  }

  /** Inside the seat change's transaction: those promoted are told exactly when it commits. */
  private async afterSeatsChanged(meeting: StoredMeeting, promoted: string[], tx: JobTx) {
    if (promoted.length) await this.notifications.promoted(meeting, promoted, tx);
  }
}
