import { Injectable } from '@nestjs/common';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';

/** The only place password resets touch Prisma. */
@Injectable()
export class PasswordResetRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByEmail(email: string) {
    return this.prisma.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, preferredLanguage: true, disabledAt: true },
    });
  }

  /**
   * Issues a reset unless the account already had `limit` since `windowStart`, and makes
   * every older unused link of the account stop working. A per-account lock makes the
   * count-then-insert safe when several requests arrive at once.
   */
  createWithinLimit(input: { userId: string; tokenHash: string; expiresAt: Date; limit: number; windowStart: Date }, also: AlsoInTransaction<{ id: string }>) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`password-reset:${input.userId}`}))`;
      const recent = await tx.passwordReset.count({
        where: { userId: input.userId, createdAt: { gt: input.windowStart } },
      });
      if (recent >= input.limit) return null;
      const now = new Date();
      // Expiring rather than deleting: the rows still count towards the hourly limit.
      await tx.passwordReset.updateMany({
        where: { userId: input.userId, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      const created = await tx.passwordReset.create({
        data: { userId: input.userId, tokenHash: input.tokenHash, expiresAt: input.expiresAt },
      });
      // Its message job commits with it: a code or link is never issued without being sent.
      await also(tx, created);
      return created;
    });
  }

  findUsable(tokenHash: string, now: Date) {
    return this.prisma.passwordReset.findFirst({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      include: { user: { select: { id: true, email: true, disabledAt: true } } },
    });
  }

  /**
   * Uses the reset and sets the password in one transaction. The conditional update is the
   * claim: a link used twice at the same moment sets the password once. False when lost.
   */
  consumeAndSetPassword(resetId: string, userId: string, passwordHash: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const claimed = await tx.passwordReset.updateMany({
        where: { id: resetId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return false;
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      await tx.passwordReset.updateMany({
        where: { userId, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      return true;
    });
  }
}
