import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';

export interface NewNotification {
  userId: string;
  eventKey: string;
  kind: NotificationKind;
  data: Record<string, string>;
  link: string;
}

/** The only place notifications touch Prisma. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the notifications whose (user, event) is new and returns only those: an event
   * recorded twice (a retried request, a job run twice) notifies nobody twice.
   */
  createNew(rows: NewNotification[]) {
    return this.prisma.notification.createManyAndReturn({ data: rows, skipDuplicates: true });
  }

  recipients(userIds: string[]) {
    return this.prisma.user.findMany({
      where: { id: { in: userIds }, disabledAt: null },
      select: {
        id: true,
        email: true,
        preferredLanguage: true,
        timeZone: true,
        notificationPreference: { select: { emailMode: true } },
      },
    });
  }

  list(userId: string, take: number) {
    return this.prisma.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  unreadCount(userId: string) {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  async markRead(userId: string, ids?: string[]) {
    await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
    });
  }

  async markEmailed(ids: string[]) {
    await this.prisma.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailedAt: new Date() } });
  }

  /** What a digest lists: everything not yet read nor mailed, oldest first. */
  pendingForDigest(userId: string) {
    return this.prisma.notification.findMany({
      where: { userId, readAt: null, emailedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 200,
    });
  }

  preference(userId: string) {
    return this.prisma.notificationPreference.findUnique({ where: { userId } });
  }

  async setPreference(userId: string, emailMode: 'IMMEDIATE' | 'DAILY' | 'OFF') {
    await this.prisma.notificationPreference.upsert({
      where: { userId },
      create: { userId, emailMode },
      update: { emailMode },
    });
  }
}
