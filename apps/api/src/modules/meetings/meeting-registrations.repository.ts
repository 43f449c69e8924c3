import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;
type Answer = 'YES' | 'MAYBE' | 'NO';

export interface LockedMeeting {
  id: string;
  status: 'SCHEDULED' | 'CANCELLED';
  capacity: number | null;
}

/**
 * Seats and the waiting list. Every change runs in one transaction that first locks the
 * meeting's row, so two people taking the last seat at once cannot both get it, and a freed
 * seat goes to exactly one waiting person.
 */
@Injectable()
export class MeetingRegistrationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` holding the meeting's lock; `work` sees the meeting as locked. */
  withMeetingLock<T>(meetingId: string, work: (tx: Tx, meeting: LockedMeeting) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<LockedMeeting[]>`
        SELECT id, status::text AS status, capacity FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
      return work(tx, rows[0]!);
    });
  }

  /**
   * Sets one person's answer. YES takes a free seat or joins the queue; leaving a seat
   * promotes the longest-waiting person. Returns the promoted user ids (to tell them).
   */
  async setAnswer(
    tx: Tx,
    meeting: LockedMeeting,
    entry: { userId: string; organisationId: string | null; answer: Answer; delegate: boolean },
  ): Promise<string[]> {
    const key = { meetingId_userId: { meetingId: meeting.id, userId: entry.userId } };
    const existing = await tx.meetingRegistration.findUnique({ where: key });
    const heldSeat = existing?.answer === 'YES' && existing.seat === 'CONFIRMED';
    let seat: 'CONFIRMED' | 'WAITING' = 'CONFIRMED';
    if (entry.answer === 'YES' && !heldSeat) {
      const taken = await this.confirmedCount(tx, meeting.id);
      if (meeting.capacity !== null && taken >= meeting.capacity) seat = 'WAITING';
    }
    const joinsQueue = seat === 'WAITING' && existing?.seat !== 'WAITING';
    await tx.meetingRegistration.upsert({
      where: key,
      create: { meetingId: meeting.id, ...entry, seat },
      // createdAt doubles as the place in the queue: it restarts when someone joins the queue.
      update: { ...entry, seat, ...(joinsQueue ? { createdAt: new Date() } : {}) },
    });
    return heldSeat && entry.answer !== 'YES' ? this.fillFreeSeats(tx, meeting) : [];
  }

  async remove(tx: Tx, meeting: LockedMeeting, userId: string): Promise<string[]> {
    const existing = await tx.meetingRegistration.findUnique({
      where: { meetingId_userId: { meetingId: meeting.id, userId } },
    });
    if (!existing) return [];
    await tx.meetingRegistration.delete({ where: { id: existing.id } });
    return existing.answer === 'YES' && existing.seat === 'CONFIRMED' ? this.fillFreeSeats(tx, meeting) : [];
  }

  /** Whether the person's registration (if any) is as their organisation's delegate, under the meeting's lock. */
  async isDelegate(tx: Tx, meetingId: string, userId: string): Promise<boolean> {
    const existing = await tx.meetingRegistration.findUnique({ where: { meetingId_userId: { meetingId, userId } }, select: { delegate: true } });
    return existing?.delegate ?? false;
  }

  delegatesOf(tx: Tx, meetingId: string, organisationId: string) {
    return tx.meetingRegistration.findMany({ where: { meetingId, organisationId, delegate: true } });
  }

  setOrganisationResponse(tx: Tx, meetingId: string, organisationId: string, response: 'ACCEPTED' | 'DECLINED', userId: string) {
    return tx.meetingInvitedOrganisation.upsert({
      where: { meetingId_organisationId: { meetingId, organisationId } },
      create: { meetingId, organisationId, response, respondedById: userId, respondedAt: new Date() },
      update: { response, respondedById: userId, respondedAt: new Date() },
    });
  }

  confirmedCount(tx: Tx, meetingId: string) {
    return tx.meetingRegistration.count({ where: { meetingId, answer: 'YES', seat: 'CONFIRMED' } });
  }

  /** Fills free seats from the queue, oldest first. */
  async fillFreeSeats(tx: Tx, meeting: LockedMeeting): Promise<string[]> {
    const free =
      meeting.capacity === null ? Number.MAX_SAFE_INTEGER : meeting.capacity - (await this.confirmedCount(tx, meeting.id));
    if (free <= 0) return [];
    const next = await tx.meetingRegistration.findMany({
      where: { meetingId: meeting.id, answer: 'YES', seat: 'WAITING' },
      orderBy: { createdAt: 'asc' },
      take: Math.min(free, 1000),
    });
    if (next.length === 0) return [];
    await tx.meetingRegistration.updateMany({
      where: { id: { in: next.map((r) => r.id) } },
      data: { seat: 'CONFIRMED' },
    });
    return next.map((r) => r.userId);
  }

  attendees(meetingId: string) {
    return this.prisma.meetingRegistration.findMany({
      where: { meetingId },
      orderBy: [{ seat: 'asc' }, { createdAt: 'asc' }],
      take: 5000,
    });
  }

  answersOf(userId: string, meetingIds: string[]) {
    return this.prisma.meetingRegistration.findMany({
      where: { userId, meetingId: { in: meetingIds } },
      select: { meetingId: true, answer: true },
    });
  }

  membersOf(organisationId: string, userIds: string[]) {
    return this.prisma.organisationMembership.findMany({
      where: { organisationId, userId: { in: userIds } },
      select: { userId: true },
    });
  }
}
