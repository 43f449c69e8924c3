import { Injectable } from '@nestjs/common';
import type { ActionStatus, AttendanceInput } from '@tadamon/shared';
import { nothingElse, type AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

export interface ActionItemData {
  title: string;
  description: string;
  assigneeOrganisationId: string;
  dueDate: Date | null;
  status: ActionStatus;
}

const withMeeting = { meeting: { select: { title: true, hostOrganisationId: true, networkId: true } } } as const;

export type StoredActionItem = Prisma.MeetingActionItemGetPayload<{ include: typeof withMeeting }>;

/** The only place minutes, attendance and action items touch Prisma. */
@Injectable()
export class MeetingFollowUpRepository {
  constructor(private readonly prisma: PrismaService) {}

  minutes(meetingId: string) {
    return this.prisma.meetingMinutes.findUnique({ where: { meetingId } });
  }

  /** Once published, minutes stay published (later saves are corrections). */
  /** `onFirstPublish` runs in the same transaction when this save publishes them (the participants' notice). */
  async saveMinutes(
    meetingId: string,
    body: string,
    publish: boolean,
    userId: string,
    now: Date,
    onFirstPublish: (tx: Prisma.TransactionClient) => Promise<void>,
  ) {
    const existing = await this.minutes(meetingId);
    const publishedAt = existing?.publishedAt ?? (publish ? now : null);
    return this.prisma.$transaction(async (tx) => {
      const saved = await tx.meetingMinutes.upsert({
        where: { meetingId },
        create: { meetingId, body, publishedAt, updatedById: userId },
        update: { body, publishedAt, updatedById: userId },
      });
      const firstPublished = !existing?.publishedAt && !!publishedAt;
      if (firstPublished) await onFirstPublish(tx);
      return { saved, firstPublished };
    }, { timeout: 30_000 });
  }

  /** People registered (yes or maybe, with or without a seat): whose attendance is recorded. */
  registered(meetingId: string) {
    return this.prisma.meetingRegistration.findMany({
      where: { meetingId, answer: { in: ['YES', 'MAYBE'] } },
      select: { userId: true, organisationId: true },
      orderBy: { createdAt: 'asc' },
      take: 2000,
    });
  }

  attendance(meetingId: string) {
    return this.prisma.meetingAttendance.findMany({ where: { meetingId } });
  }

  async recordAttendance(meetingId: string, entries: AttendanceInput['entries'], recordedById: string) {
    await this.prisma.$transaction(
      entries.map(({ userId, status }) =>
        this.prisma.meetingAttendance.upsert({
          where: { meetingId_userId: { meetingId, userId } },
          create: { meetingId, userId, status, recordedById },
          update: { status, recordedById, recordedAt: new Date() },
        }),
      ),
    );
  }

  actionItems(meetingId: string) {
    return this.prisma.meetingActionItem.findMany({
      where: { meetingId },
      include: withMeeting,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take: 500,
    });
  }

  actionItem(meetingId: string, id: string) {
    return this.prisma.meetingActionItem.findFirst({ where: { id, meetingId }, include: withMeeting });
  }

  /** The item and, through `also`, its assignee's notification: all or nothing. */
  createActionItem(meetingId: string, data: ActionItemData, createdById: string, also: AlsoInTransaction<StoredActionItem> = nothingElse) {
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.meetingActionItem.create({ data: { meetingId, ...data, createdById }, include: withMeeting });
      await also(tx, item);
      return item;
    });
  }

  updateActionItem(id: string, data: Partial<ActionItemData>, also: AlsoInTransaction<StoredActionItem> = nothingElse) {
    return this.prisma.$transaction(async (tx) => {
      const item = await tx.meetingActionItem.update({ where: { id }, data, include: withMeeting });
      await also(tx, item);
      return item;
    });
  }

  /** An organisation's open items (not done), soonest due first, for its home page. */
  openItemsOf(organisationId: string, take: number) {
    return this.prisma.meetingActionItem.findMany({
      where: { assigneeOrganisationId: organisationId, status: { in: ['OPEN', 'IN_PROGRESS'] }, meeting: { status: { not: 'CANCELLED' } } },
      include: withMeeting,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      take,
    });
  }

  async leadersOf(organisationId: string, db: Prisma.TransactionClient = this.prisma): Promise<string[]> {
    const rows = await db.organisationMembership.findMany({
      where: { organisationId, role: { in: LEADER_ROLES }, user: { disabledAt: null } },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }
}
