import { Injectable } from '@nestjs/common';
import type { PollChoice } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { meetingInclude, type AfterWrite } from './meetings.repository.js';

const closed = () => new AppError('MEETING_POLL_CLOSED', 'This poll is closed: answers can no longer be changed.');

/** The only place find-a-time polls touch Prisma. */
@Injectable()
export class MeetingPollsRepository {
  constructor(private readonly prisma: PrismaService) {}

  slots(meetingId: string) {
    return this.prisma.meetingPollSlot.findMany({
      where: { meetingId },
      orderBy: { position: 'asc' },
      include: { answers: { select: { userId: true, choice: true } } },
    });
  }

  /**
   * Replaces the person's answers for the given slots. The meeting row is locked, so an answer
   * cannot land after the organiser closed the poll or picked a time.
   */
  async setAnswers(meetingId: string, userId: string, answers: { slotId: string; choice: PollChoice }[]) {
    await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string; pollClosedAt: Date | null }[]>`
        SELECT status::text AS status, "pollClosedAt" FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
      if (!row || row.status !== 'PLANNING' || row.pollClosedAt) throw closed();
      for (const { slotId, choice } of answers) {
        await tx.meetingPollAnswer.upsert({
          where: { slotId_userId: { slotId, userId } },
          create: { slotId, userId, choice },
          update: { choice },
        });
      }
    });
  }

  close(meetingId: string, now: Date) {
    return this.prisma.meeting.updateMany({ where: { id: meetingId, status: 'PLANNING', pollClosedAt: null }, data: { pollClosedAt: now } });
  }

  /** The meeting takes the slot's time and is scheduled; the poll closes with it. */
  pick(meetingId: string, slot: { id: string; startsAt: Date; endsAt: Date }, now: Date, after: AfterWrite) {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string; pollClosedAt: Date | null }[]>`
        SELECT status::text AS status, "pollClosedAt" FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
      if (row?.status !== 'PLANNING') throw new AppError('MEETING_NOT_PLANNING', 'A time has already been picked for this meeting.');
      const meeting = await tx.meeting.update({
        where: { id: meetingId },
        data: {
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: 'SCHEDULED',
          pollChosenSlotId: slot.id,
          pollClosedAt: row.pollClosedAt ?? now,
          sequence: { increment: 1 },
        },
        include: meetingInclude,
      });
      await after(tx, meeting);
      return meeting;
    }, { timeout: 30_000 });
  }

  /** Which organisation each respondent comes for (host or invited), for the organiser's table. */
  memberships(userIds: string[], organisationIds: string[] | 'network', networkId: string) {
    return this.prisma.organisationMembership.findMany({
      where: {
        userId: { in: userIds },
        organisation: organisationIds === 'network' ? { networkId } : { id: { in: organisationIds } },
      },
      select: { userId: true, organisation: { select: { name: true } } },
    });
  }
}
