import { Injectable } from '@nestjs/common';
import type { MeetingDetail, MeetingPoll, MeetingPollCreate, PollAnswersInput } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingClock } from './meeting-clock.js';
import { MeetingNotifications } from './meeting-notifications.service.js';
import { MeetingPollsRepository } from './meeting-polls.repository.js';
import { instantToLocal, localToInstant, occurrencesBetween, overlaps } from './meeting-time.js';
import { MeetingsService, viewerZone } from './meetings.service.js';
import { MeetingsRepository, type StoredMeeting } from './meetings.repository.js';

const slotUnknown = () => new AppError('MEETING_POLL_SLOT_UNKNOWN', 'This time is not one of the times proposed in the poll.');
const TWO_DAYS = 2 * 86_400_000;

/**
 * "Find a time": the organiser proposes times, invited people answer yes / if need be / no for
 * each, the organiser picks one and the meeting is scheduled — invitations and reminders then
 * go out as for any meeting.
 */
@Injectable()
export class MeetingPollsService {
  constructor(
    private readonly polls: MeetingPollsRepository,
    private readonly meetingsRepository: MeetingsRepository,
    private readonly meetings: MeetingsService,
    private readonly access: MeetingAccess,
    private readonly policy: AccessPolicy,
    private readonly notifications: MeetingNotifications,
    private readonly clock: MeetingClock,
  ) {}

  async create(actor: Actor, input: MeetingPollCreate): Promise<MeetingDetail> {
    const [host] = await this.policy.requireOrganisationAccess(actor, 'meetings.manage', [input.hostOrganisationId]);
    const slots = input.slots.map((slot, i) => {
      const startsAt = localToInstant(slot.startLocal, input.timeZone, `slots.${i}.startLocal`);
      const endsAt = localToInstant(slot.endLocal, input.timeZone, `slots.${i}.endLocal`);
      if (endsAt <= startsAt) {
        throw new AppError('VALIDATION_FAILED', 'A proposed time must end after it starts.', {
          fields: { [`slots.${i}.endLocal`]: [{ code: 'custom', message: 'endBeforeStart' }] },
        });
      }
      return { startsAt, endsAt };
    });
    const { slots: proposed, ...fields } = input;
    // The meeting holds the first proposed time until one is picked; nothing is sent for it.
    const data = await this.meetings.toData(
      { ...fields, startLocal: proposed[0]!.startLocal, endLocal: proposed[0]!.endLocal, recurrence: null, registrationDeadlineLocal: null },
      host!.networkId,
      host!.id,
    );
    const meeting = await this.meetingsRepository.create(
      { networkId: host!.networkId, hostOrganisationId: host!.id, createdById: actor.userId },
      data,
      slots,
      (tx, created) => this.notifications.meetingScheduled(created, tx),
    );
    await this.meetings.record(actor, 'meeting.created', meeting, { poll: true, slots: slots.length });
    return this.meetings.detail(actor, meeting);
  }

  async get(actor: Actor, meetingId: string): Promise<MeetingPoll> {
    const meeting = await this.requirePoll(actor, meetingId);
    const zone = viewerZone(actor);
    const slots = await this.polls.slots(meetingId);
    const canManage = this.access.canManage(actor, meeting);
    const others = await this.meetingsRepository.otherMeetingsOf(actor.userId, meetingId);
    const respondentIds = [...new Set(slots.flatMap((s) => s.answers.map((a) => a.userId)))];
    return {
      meetingId,
      open: this.isOpen(meeting),
      chosenSlotId: meeting.pollChosenSlotId,
      timeZone: meeting.timeZone,
      viewerTimeZone: zone,
      canAnswer: this.isOpen(meeting) && this.canAnswer(actor, meeting),
      canManage,
      slots: slots.map((slot) => {
        const count = (choice: string) => slot.answers.filter((a) => a.choice === choice).length;
        return {
          id: slot.id,
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          startHostLocal: instantToLocal(slot.startsAt, meeting.timeZone),
          endHostLocal: instantToLocal(slot.endsAt, meeting.timeZone),
          startViewerLocal: instantToLocal(slot.startsAt, zone),
          endViewerLocal: instantToLocal(slot.endsAt, zone),
          counts: { yes: count('YES'), ifNeedBe: count('IF_NEED_BE'), no: count('NO') },
          myChoice: slot.answers.find((a) => a.userId === actor.userId)?.choice ?? null,
          conflicts: others.flatMap((other) => {
            const clash = occurrencesBetween(other, new Date(slot.startsAt.getTime() - TWO_DAYS), slot.endsAt).find((o) => overlaps(o, slot));
            return clash ? [{ id: other.id, title: other.title, viewerLocal: instantToLocal(clash.startsAt, zone) }] : [];
          }),
        };
      }),
      respondents: canManage ? await this.respondents(meeting, slots, respondentIds) : null,
    };
  }

  async answer(actor: Actor, meetingId: string, input: PollAnswersInput): Promise<MeetingPoll> {
    const meeting = await this.requirePoll(actor, meetingId);
    if (!this.canAnswer(actor, meeting)) {
      throw new AppError('FORBIDDEN', 'Only people of the host and invited organisations answer this poll.');
    }
    if (!this.isOpen(meeting)) throw new AppError('MEETING_POLL_CLOSED', 'This poll is closed: answers can no longer be changed.');
    const slotIds = new Set((await this.polls.slots(meetingId)).map((s) => s.id));
    if (input.answers.some((a) => !slotIds.has(a.slotId))) throw slotUnknown();
    await this.polls.setAnswers(meetingId, actor.userId, input.answers);
    return this.get(actor, meetingId);
  }

  async close(actor: Actor, meetingId: string): Promise<MeetingPoll> {
    const meeting = await this.requirePoll(actor, meetingId, true);
    if (meeting.status !== 'PLANNING') throw new AppError('MEETING_NOT_PLANNING', 'A time has already been picked for this meeting.');
    await this.polls.close(meetingId, this.clock.now());
    return this.get(actor, meetingId);
  }

  async pick(actor: Actor, meetingId: string, slotId: string): Promise<MeetingDetail> {
    const meeting = await this.requirePoll(actor, meetingId, true);
    if (meeting.status !== 'PLANNING') throw new AppError('MEETING_NOT_PLANNING', 'A time has already been picked for this meeting.');
    const slot = (await this.polls.slots(meetingId)).find((s) => s.id === slotId);
    if (!slot) throw slotUnknown();
    const scheduled = await this.polls.pick(meetingId, slot, this.clock.now(), (tx, picked) =>
      this.notifications.meetingScheduled(picked, tx),
    );
    await this.meetings.record(actor, 'meeting.time_picked', scheduled, { slotId, startsAt: slot.startsAt.toISOString() });
    return this.meetings.detail(actor, scheduled);
  }

  private async requirePoll(actor: Actor, meetingId: string, manage = false): Promise<StoredMeeting> {
    const meeting = manage ? await this.access.requireManage(actor, meetingId) : await this.access.requireVisible(actor, meetingId);
    if (meeting.status !== 'PLANNING' && !meeting.pollClosedAt) throw notFound('poll');
    return meeting;
  }

  private isOpen(meeting: StoredMeeting): boolean {
    return meeting.status === 'PLANNING' && meeting.pollClosedAt === null;
  }

  /** People of the host and of the invited organisations (every organisation when the whole network is). */
  private canAnswer(actor: Actor, meeting: StoredMeeting): boolean {
    return [...actor.organisations.entries()].some(
      ([id, o]) => id === meeting.hostOrganisationId || this.access.isInvited(meeting, id, o.networkId),
    );
  }

  private async respondents(meeting: StoredMeeting, slots: { id: string; answers: { userId: string; choice: 'YES' | 'IF_NEED_BE' | 'NO' }[] }[], userIds: string[]) {
    if (userIds.length === 0) return [];
    const users = await this.meetingsRepository.users(userIds);
    const scope = meeting.wholeNetwork ? 'network' : [meeting.hostOrganisationId, ...meeting.invitedOrganisations.map((i) => i.organisationId)];
    const organisationOf = new Map((await this.polls.memberships(userIds, scope, meeting.networkId)).map((m) => [m.userId, m.organisation.name]));
    return users
      .map((user) => ({
        userId: user.id,
        name: user.name,
        organisationName: organisationOf.get(user.id) ?? null,
        choices: Object.fromEntries(
          slots.flatMap((s) => s.answers.filter((a) => a.userId === user.id).map((a) => [s.id, a.choice] as const)),
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
