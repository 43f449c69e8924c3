import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

export const meetingInclude = {
  agendaItems: { orderBy: { position: 'asc' } },
  invitedOrganisations: true,
  occurrenceMoves: { orderBy: { originalStart: 'asc' } },
} as const satisfies Prisma.MeetingInclude;

export type StoredMeeting = Prisma.MeetingGetPayload<{ include: typeof meetingInclude }>;

/** The caller's transaction, or the pool. */
type Db = Prisma.TransactionClient;
/**
 * Runs in the transaction of a meeting's change, once it is written: its mails, notifications
 * and reminder jobs go to the outbox in that transaction, so they exist exactly when it commits.
 */
export type AfterWrite = (tx: Db, meeting: StoredMeeting) => Promise<void>;
const nothing: AfterWrite = async () => {};
/** Mails to a whole network's leaders are written in the change's transaction: room for them. */
const WITH_MAILS = { timeout: 30_000 };

/** What a meeting is made of when written (create or full edit). */
export interface MeetingData {
  title: string;
  description: string;
  format: 'IN_PERSON' | 'ONLINE' | 'HYBRID';
  address: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  recurrence: string | null;
  languages: string[];
  interpretationNeeds: string;
  wholeNetwork: boolean;
  capacity: number | null;
  registrationDeadline: Date | null;
  agenda: { title: string; presenter: string; durationMinutes: number }[];
  invitedOrganisationIds: string[];
  reminderMinutes: number[];
}

/** Who can see a meeting: the caller's organisations and coordinated networks. */
export interface Audience {
  organisationIds: string[];
  /** Networks the caller coordinates (sees every meeting of). */
  coordinatedNetworkIds: string[];
  /** Networks of the caller's organisations (for meetings open to a whole network). */
  memberNetworkIds: string[];
  everything: boolean;
}

/** The only place meetings touch Prisma. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  visibleWhere(audience: Audience): Prisma.MeetingWhereInput {
    if (audience.everything) return {};
    return {
      OR: [
        { hostOrganisationId: { in: audience.organisationIds } },
        { invitedOrganisations: { some: { organisationId: { in: audience.organisationIds } } } },
        { wholeNetwork: true, networkId: { in: audience.memberNetworkIds } },
        { networkId: { in: audience.coordinatedNetworkIds } },
      ],
    };
  }

  findVisible(id: string, audience: Audience) {
    return this.prisma.meeting.findFirst({ where: { id, ...this.visibleWhere(audience) }, include: meetingInclude });
  }

  /** Title, start and state of those of `ids` the audience sees, for features that link meetings. */
  summariesVisible(ids: string[], audience: Audience) {
    return this.prisma.meeting.findMany({
      where: { AND: [{ id: { in: ids } }, this.visibleWhere(audience)] },
      select: { id: true, title: true, startsAt: true, status: true },
    });
  }

  findById(id: string) {
    return this.prisma.meeting.findUnique({ where: { id }, include: meetingInclude });
  }

  /**
   * Meetings for the list: upcoming ones (a single meeting not yet over, or any series — its
   * last date is worked out in code) soonest first, or past ones latest first; 500 at most.
   */
  listVisible(audience: Audience, when: 'upcoming' | 'past', now: Date) {
    const time: Prisma.MeetingWhereInput =
      when === 'upcoming' ? { OR: [{ endsAt: { gte: now } }, { recurrence: { not: null } }] } : { endsAt: { lt: now } };
    return this.prisma.meeting.findMany({
      where: { AND: [this.visibleWhere(audience), time] },
      include: meetingInclude,
      orderBy: { startsAt: when === 'upcoming' ? 'asc' : 'desc' },
      take: 500,
    });
  }

  organisations(ids: string[], db: Db = this.prisma) {
    return db.organisation.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, country: true, networkId: true },
    });
  }

  /** A meeting, or — with `pollSlots` — one whose time is still to be found (PLANNING). */
  async create(
    base: { networkId: string; hostOrganisationId: string; createdById: string },
    data: MeetingData,
    pollSlots?: { startsAt: Date; endsAt: Date }[],
    after: AfterWrite = nothing,
  ) {
    const { agenda, invitedOrganisationIds, ...fields } = data;
    return this.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.create({
      data: {
        ...base,
        ...fields,
        ...(pollSlots
          ? { status: 'PLANNING' as const, pollSlots: { create: pollSlots.map((slot, position) => ({ ...slot, position })) } }
          : {}),
        agendaItems: { create: agenda.map((item, position) => ({ ...item, position })) },
        invitedOrganisations: { create: invitedOrganisationIds.map((organisationId) => ({ organisationId })) },
      },
      include: meetingInclude,
      });
      await after(tx, meeting);
      return meeting;
    }, WITH_MAILS);
  }

  /**
   * Replaces the meeting's fields, agenda and invitations in one transaction, holding the
   * meeting's row lock so a registration cannot slip in between the capacity check and the write.
   */
  async update(id: string, data: MeetingData, check: (confirmed: number) => void, after: AfterWrite = nothing) {
    const { agenda, invitedOrganisationIds, ...fields } = data;
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${id}::uuid FOR UPDATE`;
      check(await tx.meetingRegistration.count({ where: { meetingId: id, answer: 'YES', seat: 'CONFIRMED' } }));
      await tx.meetingAgendaItem.deleteMany({ where: { meetingId: id } });
      await tx.meetingInvitedOrganisation.deleteMany({
        where: { meetingId: id, organisationId: { notIn: invitedOrganisationIds } },
      });
      if (!data.wholeNetwork) {
        // People of organisations no longer invited lose their seats with the invitation.
        const host = await tx.meeting.findUniqueOrThrow({ where: { id }, select: { hostOrganisationId: true } });
        await tx.meetingRegistration.deleteMany({
          where: { meetingId: id, organisationId: { notIn: [...invitedOrganisationIds, host.hostOrganisationId] } },
        });
      }
      await tx.meetingInvitedOrganisation.createMany({
        data: invitedOrganisationIds.map((organisationId) => ({ meetingId: id, organisationId })),
        skipDuplicates: true,
      });
      const meeting = await tx.meeting.update({
        where: { id },
        data: {
          ...fields,
          sequence: { increment: 1 },
          agendaItems: { create: agenda.map((item, position) => ({ ...item, position })) },
        },
        include: meetingInclude,
      });
      await after(tx, meeting);
      return meeting;
    }, WITH_MAILS);
  }

  cancel(id: string, after: AfterWrite = nothing) {
    return this.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.update({
        where: { id },
        data: { status: 'CANCELLED', sequence: { increment: 1 } },
        include: meetingInclude,
      });
      await after(tx, meeting);
      return meeting;
    }, WITH_MAILS);
  }

  /** `start` is the rule's start of the occurrence; a move of it, if any, goes with it. */
  excludeOccurrence(id: string, start: Date, after: AfterWrite = nothing) {
    return this.prisma.$transaction(async (tx) => {
      await tx.meetingOccurrenceMove.deleteMany({ where: { meetingId: id, originalStart: start } });
      const meeting = await tx.meeting.update({
        where: { id },
        data: { excludedStarts: { push: start }, sequence: { increment: 1 } },
        include: meetingInclude,
      });
      await after(tx, meeting);
      return meeting;
    }, WITH_MAILS);
  }

  moveOccurrence(id: string, originalStart: Date, to: { startsAt: Date; endsAt: Date }, after: AfterWrite = nothing) {
    return this.prisma.$transaction(async (tx) => {
      await tx.meetingOccurrenceMove.upsert({
        where: { meetingId_originalStart: { meetingId: id, originalStart } },
        create: { meetingId: id, originalStart, ...to },
        update: to,
      });
      const meeting = await tx.meeting.update({ where: { id }, data: { sequence: { increment: 1 } }, include: meetingInclude });
      await after(tx, meeting);
      return meeting;
    }, WITH_MAILS);
  }

  registrationCounts(meetingId: string) {
    return this.prisma.meetingRegistration.groupBy({
      by: ['answer', 'seat'],
      where: { meetingId },
      _count: { _all: true },
    });
  }

  registrationOf(meetingId: string, userId: string) {
    return this.prisma.meetingRegistration.findUnique({ where: { meetingId_userId: { meetingId, userId } } });
  }

  waitingBefore(meetingId: string, createdAt: Date) {
    return this.prisma.meetingRegistration.count({
      where: { meetingId, seat: 'WAITING', answer: 'YES', createdAt: { lt: createdAt } },
    });
  }

  /** The caller's other meetings they said yes or maybe to, for conflict checks. */
  otherMeetingsOf(userId: string, exceptId: string) {
    return this.prisma.meeting.findMany({
      where: {
        id: { not: exceptId },
        status: 'SCHEDULED',
        registrations: { some: { userId, answer: { in: ['YES', 'MAYBE'] } } },
      },
      include: { occurrenceMoves: true },
      take: 200,
    });
  }

  /** Meetings a person said yes or maybe to, for their calendar feed. */
  meetingsOfPerson(userId: string) {
    return this.prisma.meeting.findMany({
      where: { registrations: { some: { userId, answer: { in: ['YES', 'MAYBE'] } } } },
      include: meetingInclude,
      orderBy: { startsAt: 'asc' },
      take: 500,
    });
  }

  users(ids: string[], db: Db = this.prisma) {
    return db.user.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, email: true, preferredLanguage: true, timeZone: true },
    });
  }

  /** Everyone the meeting's e-mails go to: leaders of invited organisations (or of every organisation of the network). */
  invitedLeaders(
    meeting: { networkId: string; wholeNetwork: boolean; invitedOrganisations: { organisationId: string }[] },
    db: Db = this.prisma,
  ) {
    return db.organisationMembership.findMany({
      where: {
        role: { in: LEADER_ROLES },
        user: { disabledAt: null },
        organisation: meeting.wholeNetwork
          ? { networkId: meeting.networkId }
          : { id: { in: meeting.invitedOrganisations.map((i) => i.organisationId) } },
      },
      select: { user: { select: { id: true, name: true, email: true, preferredLanguage: true, timeZone: true } } },
    });
  }

  participantsOf(meetingIds: string[], db: Db = this.prisma) {
    return db.meetingRegistration.findMany({
      where: { meetingId: { in: meetingIds }, answer: { in: ['YES', 'MAYBE'] } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** People who said yes or maybe and hold a seat: reminders and updates go to them. */
  participants(meetingId: string, db: Db = this.prisma) {
    return db.meetingRegistration.findMany({
      where: { meetingId, answer: { in: ['YES', 'MAYBE'] } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /**
   * One reminder run in one transaction: every participant's record and mail job, and the next
   * occurrence's reminder jobs, commit together, so a run that fails halfway leaves nothing and
   * its retry does it all.
   */
  reminderRun<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, WITH_MAILS);
  }

  /**
   * Records that `userId` got this reminder and runs `send` (the mail's enqueueing) in the same
   * transaction (`tx`, the reminder run's): false, sending nothing, when it was already recorded.
   * A failing run rolls the record back, so a retry sends; a concurrent run waits on the key and
   * then finds it taken.
   */
  async recordReminderSent(
    key: { meetingId: string; occurrenceStart: Date; minutesBefore: number; userId: string },
    send: (tx: Prisma.TransactionClient) => Promise<void>,
    tx: Prisma.TransactionClient,
  ): Promise<boolean> {
    const inserted = await tx.meetingReminderSent.createMany({ data: [key], skipDuplicates: true });
    if (inserted.count === 0) return false;
    await send(tx);
    return true;
  }
}
