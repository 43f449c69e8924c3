import { Injectable } from '@nestjs/common';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';

export const PASSWORD_RESET_PURPOSE = 'password-reset';

/** The only place SMS password codes touch Prisma. */
@Injectable()
export class PhoneCodesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByPhone(phone: string) {
    return this.prisma.user.findUnique({
      where: { phone },
      select: { id: true, email: true, phone: true, disabledAt: true },
    });
  }

  /**
   * Issues a code unless the account had `limit` in the last hour (a second line behind the
   * per-number limiter), and makes every older unused code stop working. The per-account lock
   * makes count-then-insert safe for simultaneous requests.
   */
  createWithinLimit(input: { id: string; userId: string; codeHash: string; expiresAt: Date; limit: number }, also: AlsoInTransaction<{ id: string }>) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`phone-code:${input.userId}`}))`;
      const now = new Date();
      const recent = await tx.phoneCode.count({
        where: { userId: input.userId, purpose: PASSWORD_RESET_PURPOSE, createdAt: { gt: new Date(now.getTime() - 3600_000) } },
      });
      if (recent >= input.limit) return null;
      await tx.phoneCode.updateMany({
        where: { userId: input.userId, purpose: PASSWORD_RESET_PURPOSE, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      const created = await tx.phoneCode.create({
        data: { id: input.id, userId: input.userId, purpose: PASSWORD_RESET_PURPOSE, codeHash: input.codeHash, expiresAt: input.expiresAt },
      });
      // Its message job commits with it: a code or link is never issued without being sent.
      await also(tx, created);
      return created;
    });
  }

  /**
   * Checks a code against the account's one usable code and, when it matches, uses it and sets
   * the password, all under the row's lock: a code sent twice at once sets the password once.
   * A wrong code counts an attempt (kept even though the answer is an error).
   */
  useCode(input: {
    userId: string;
    matches: (row: { id: string; codeHash: string }) => boolean;
    maxAttempts: number;
    passwordHash: string;
  }): Promise<'used' | 'wrong' | 'none'> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; codeHash: string }[]>`
        SELECT "id", "codeHash" FROM "PhoneCode"
        WHERE "userId" = ${input.userId}::uuid AND "purpose" = ${PASSWORD_RESET_PURPOSE}
          AND "usedAt" IS NULL AND "expiresAt" > now() AND "attempts" < ${input.maxAttempts}
        ORDER BY "createdAt" DESC LIMIT 1
        FOR UPDATE`;
      if (!row) return 'none';
      if (!input.matches(row)) {
        await tx.phoneCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
        return 'wrong';
      }
      const now = new Date();
      await tx.phoneCode.update({ where: { id: row.id }, data: { usedAt: now } });
      await tx.user.update({ where: { id: input.userId }, data: { passwordHash: input.passwordHash } });
      // Any e-mail reset link still open dies with it: the password was just chosen.
      await tx.passwordReset.updateMany({ where: { userId: input.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      return 'used';
    });
  }
}
