import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import { SECOND_FACTOR_NETWORK_ROLES } from '../../common/auth/roles.js';

/** The only place two-factor rows are read or written. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly prisma: PrismaService) {}

  findTotp(userId: string) {
    return this.prisma.userTotp.findUnique({ where: { userId } });
  }

  findUser(userId: string) {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, passwordHash: true, isPlatformAdmin: true },
    });
  }

  /** Coordinators and platform admins must use a second factor. */
  async isRequiredFor(userId: string): Promise<boolean> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { isPlatformAdmin: true, networkRoles: { where: { role: { in: SECOND_FACTOR_NETWORK_ROLES } }, select: { id: true }, take: 1 } },
    });
    return Boolean(user && (user.isPlatformAdmin || user.networkRoles.length > 0));
  }

  /** A new, not yet confirmed secret replaces any earlier unconfirmed one. */
  async startEnrolment(userId: string, secretEncrypted: string): Promise<void> {
    await this.prisma.userTotp.upsert({
      where: { userId },
      create: { userId, secretEncrypted },
      update: { secretEncrypted, enabledAt: null, lastUsedStep: null },
    });
  }

  /** Turns TOTP on with its first step used and a fresh set of recovery codes, all at once. */
  async confirmEnrolment(userId: string, step: number, codeHashes: string[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.userTotp.updateMany({
        where: { userId, enabledAt: null },
        data: { enabledAt: new Date(), lastUsedStep: BigInt(step) },
      });
      if (updated.count !== 1) return false;
      await tx.userRecoveryCode.deleteMany({ where: { userId } });
      await tx.userRecoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
      return true;
    });
  }

  /**
   * Marks a step as used only if it is later than the last one used: one conditional
   * update, so two requests racing with the same code cannot both succeed.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const updated = await this.prisma.userTotp.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step) },
    });
    return updated.count === 1;
  }

  /** 'used' when the code was good once, 'unknown' when it never was. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<'ok' | 'used' | 'unknown'> {
    const updated = await this.prisma.userRecoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (updated.count === 1) return 'ok';
    const existing = await this.prisma.userRecoveryCode.findFirst({ where: { userId, codeHash } });
    return existing ? 'used' : 'unknown';
  }

  /** All old recovery codes, used or not, give way to the new ones in one transaction. */
  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.userRecoveryCode.deleteMany({ where: { userId } }),
      this.prisma.userRecoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) }),
    ]);
  }

  countUnusedRecoveryCodes(userId: string): Promise<number> {
    return this.prisma.userRecoveryCode.count({ where: { userId, usedAt: null } });
  }

  async disable(userId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.userRecoveryCode.deleteMany({ where: { userId } }),
      this.prisma.userTotp.deleteMany({ where: { userId } }),
    ]);
  }
}
