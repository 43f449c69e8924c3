import { Injectable } from '@nestjs/common';
import type { Member, OrganisationRole } from '@tadamon/shared';
import { PrismaService } from '../../common/database/prisma.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { Prisma } from '../../generated/prisma/client.js';
import { setupCodeInvalid } from './setup-code.js';
import { VOLUNTEER_ROLE } from '../../common/auth/roles.js';

export interface NewVolunteer {
  organisationId: string;
  name: string;
  phone: string | null;
  username: string | null;
  preferredLanguage: string;
  timeZone: string;
}

export interface NewCode {
  codeHash: string;
  createdById: string;
  expiresAt: Date;
}

const userFields = { id: true, name: true, email: true, phone: true, username: true, preferredLanguage: true, disabledAt: true } as const;

const phoneTaken = () =>
  new AppError('PHONE_TAKEN', 'An account with this phone number already exists.', {
    fields: { phone: [{ code: 'taken', message: 'Already used by an account.' }] },
  });
const usernameTaken = () =>
  new AppError('USERNAME_TAKEN', 'This username is already taken.', {
    fields: { username: [{ code: 'taken', message: 'Already taken.' }] },
  });

/** The only place accounts without e-mail and their setup codes touch Prisma. */
@Injectable()
export class VolunteerAccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Refuses a phone number or username some account already has (PHONE_TAKEN / USERNAME_TAKEN). */
  async assertFree(phone: string | null, username: string | null): Promise<void> {
    if (phone && (await this.prisma.user.findUnique({ where: { phone }, select: { id: true } }))) throw phoneTaken();
    if (username && (await this.prisma.user.findUnique({ where: { username }, select: { id: true } }))) throw usernameTaken();
  }

  /**
   * Account, membership and first setup code in one transaction: a failure anywhere leaves
   * nothing behind. A concurrent request that took the phone or username first ends here as
   * PHONE_TAKEN / USERNAME_TAKEN through the unique indexes.
   */
  async createVolunteer(data: NewVolunteer, code: NewCode) {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { organisationId, ...person } = data;
        const user = await tx.user.create({ data: { ...person, email: null }, select: userFields });
        const membership = await tx.organisationMembership.create({
          data: { userId: user.id, organisationId, role: VOLUNTEER_ROLE },
        });
        const setupCode = await tx.setupCode.create({ data: { ...code, userId: user.id, organisationId } });
        return { user, membership, setupCode };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        await this.assertFree(data.phone, data.username);
        throw data.phone ? phoneTaken() : usernameTaken();
      }
      throw error;
    }
  }

  /** A membership of this organisation with its person; null for any other organisation's. */
  findMember(organisationId: string, membershipId: string) {
    return this.prisma.organisationMembership.findFirst({
      where: { id: membershipId, organisationId },
      select: { id: true, role: true, createdAt: true, user: { select: userFields } },
    });
  }

  /** Revokes every unused code of the person and adds a new one, under a lock on the person. */
  replaceCode(userId: string, organisationId: string, code: NewCode, now: Date) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
      const revoked = await tx.setupCode.updateMany({
        where: { userId, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      const setupCode = await tx.setupCode.create({ data: { ...code, userId, organisationId } });
      return { setupCode, revoked: revoked.count };
    });
  }

  organisationName(organisationId: string) {
    return this.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, country: true } });
  }

  /** A code that is unused, not revoked and not expired, with its person and organisation. */
  findUsableCode(codeHash: string, now: Date) {
    return this.prisma.setupCode.findFirst({
      where: { codeHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: {
        id: true,
        userId: true,
        organisationId: true,
        user: { select: userFields },
        organisation: { select: { name: true, networkId: true } },
      },
    });
  }

  /**
   * Spends the code and sets the secret in one transaction. The claim is a conditional update:
   * of two simultaneous redemptions the second finds the code used and changes nothing.
   */
  redeem(codeId: string, userId: string, passwordHash: string, now: Date) {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.setupCode.updateMany({
        where: { id: codeId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw setupCodeInvalid();
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    });
  }
}

export function toMember(row: {
  id: string;
  role: string;
  createdAt: Date;
  user: { id: string; name: string; email: string | null; phone: string | null; username: string | null; disabledAt: Date | null };
}): Member {
  return {
    membershipId: row.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    phone: row.user.phone,
    username: row.user.username,
    role: row.role as OrganisationRole,
    joinedAt: row.createdAt.toISOString(),
    disabled: row.user.disabledAt !== null,
  };
}
