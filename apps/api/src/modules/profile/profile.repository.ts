import { Injectable } from '@nestjs/common';
import type { ProfileUpdate } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';

const profileFields = {
  id: true,
  email: true,
  phone: true,
  username: true,
  name: true,
  preferredLanguage: true,
  timeZone: true,
  isPlatformAdmin: true,
} as const;

/** The only place the profile feature touches Prisma. */
@Injectable()
export class ProfileRepository {
  constructor(private readonly prisma: PrismaService) {}

  findProfile(userId: string) {
    return this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: profileFields });
  }

  updateProfile(userId: string, data: ProfileUpdate) {
    return this.prisma.user.update({ where: { id: userId }, data, select: profileFields });
  }

  async findPasswordHash(userId: string): Promise<string | null> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    return user.passwordHash;
  }

  /** What a PIN change checks: the current secret, and the phone a PIN must not repeat. */
  findSecretAndPhone(userId: string) {
    return this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, phone: true } });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id: userId }, data: { passwordHash } });
  }

  /** Sessions that would still let someone in: not revoked, not expired, not idle too long. */
  activeSessions(userId: string, now: Date, idleSince: Date, sharedIdleSince: Date) {
    return this.prisma.session.findMany({
      where: {
        userId,
        revokedAt: null,
        expiresAt: { gt: now },
        OR: [
          { sharedDevice: false, lastSeenAt: { gt: idleSince } },
          { sharedDevice: true, lastSeenAt: { gt: sharedIdleSince } },
        ],
      },
      orderBy: { lastSeenAt: 'desc' },
      select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
    });
  }

  /** Revokes one of the user's own live sessions; false when there is none with this id. */
  async revokeOwnSession(userId: string, sessionId: string, now: Date): Promise<boolean> {
    const result = await this.prisma.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    return result.count === 1;
  }
}
