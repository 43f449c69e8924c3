import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** The connection a write goes through: the caller's transaction, or the pool. */
export type NotificationsDb = Prisma.TransactionClient;

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

  /** Runs `work` in a transaction, or in the caller's `tx` when it has one. */
  inTransaction<T>(tx: NotificationsDb | undefined, work: (tx: NotificationsDb) => Promise<T>): Promise<T> {
    return tx ? work(tx) : this.prisma.$transaction(work, { timeout: 30_000 });
  }

  /**
   * Inserts the notifications whose (user, event) is new and returns only those: an event
   * recorded twice (a retried request, a job run twice) notifies nobody twice.
   */
  createNew(rows: NewNotification[], db: NotificationsDb = this.prisma) {
    return db.notification.createManyAndReturn({ data: rows, skipDuplicates: true });
  }

  recipients(userIds: string[], db: NotificationsDb = this.prisma) {
    return db.user.findMany({
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

  async markEmailed(ids: string[], db: NotificationsDb = this.prisma) {
    await db.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailedAt: new Date() } });
  }

  /** What a digest lists: everything not yet read nor mailed, oldest first. */
  pendingForDigest(userId: string, db: NotificationsDb = this.prisma) {
    return db.notification.findMany({
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
