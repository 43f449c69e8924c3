import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { LearningSyncEvent, Prisma } from '../../generated/prisma/client.js';

/** The replay log of offline events, keyed by (user, device-made event id). */
@Injectable()
export class LearningSyncRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims an event id for this user; false when it was claimed before (a replay). The row is
   * written first, so two copies of one queue arriving at once apply each event once.
   */
  async claim(userId: string, event: { eventId: string; type: string; occurredAt: string }): Promise<boolean> {
    const claimed = await this.prisma.$executeRaw`
      INSERT INTO "LearningSyncEvent" ("userId", "eventId", "type", "occurredAt", "outcome")
      VALUES (${userId}::uuid, ${event.eventId}::uuid, ${event.type}, ${new Date(event.occurredAt)}, 'PENDING')
      ON CONFLICT ("userId", "eventId") DO NOTHING`;
    return claimed === 1;
  }

  find(userId: string, eventId: string): Promise<LearningSyncEvent | null> {
    return this.prisma.learningSyncEvent.findUnique({ where: { userId_eventId: { userId, eventId } } });
  }

  async finish(userId: string, eventId: string, outcome: 'APPLIED' | 'KEPT', reason: string | null, result: Prisma.InputJsonValue) {
    await this.prisma.learningSyncEvent.update({ where: { userId_eventId: { userId, eventId } }, data: { outcome, reason, result } });
  }

  /** An unexpected failure (a database hiccup): forget the claim so the next replay tries again. */
  async release(userId: string, eventId: string) {
    await this.prisma.learningSyncEvent.deleteMany({ where: { userId, eventId, outcome: 'PENDING' } });
  }
}
