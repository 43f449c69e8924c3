import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';

/** Private calendar subscription tokens (only their SHA-256 is stored). */
@Injectable()
export class CalendarFeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One live token per person: a new one revokes the old, in one transaction. */
  replace(userId: string, tokenHash: string, now: Date) {
    return this.prisma.$transaction(async (tx) => {
      await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      return tx.calendarFeedToken.create({ data: { userId, tokenHash } });
    });
  }

  revokeAll(userId: string, now: Date) {
    return this.prisma.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  }

  findLive(tokenHash: string) {
    return this.prisma.calendarFeedToken.findFirst({
      where: { tokenHash, revokedAt: null },
      select: { userId: true },
    });
  }

  activeUser(userId: string) {
    return this.prisma.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true } });
  }
}
