import { Injectable } from '@nestjs/common';
import type { Role } from '@tadamon/shared';
import type { AlsoInTransaction } from '../../common/database/also-in-transaction.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { Prisma } from '../../generated/prisma/client.js';

/** Where an invitation leads: an organisation (and its network) or a network alone. */
export interface InvitationScope {
  organisationId: string | null;
  networkId: string;
}

export interface NewInvitation extends InvitationScope {
  tokenHash: string;
  email: string;
  role: Role;
  invitedById: string;
  language: string;
  expiresAt: Date;
}

/** The person accepting: an existing account, or the data of the account to create. */
export type Invitee =
  | { userId: string }
  // No password hash: an account created by single sign-on signs in through its provider
  // (or sets a password later through "forgot password").
  | { newUser: { email: string; name: string; passwordHash: string | null; preferredLanguage: string; timeZone: string } };

const withNames = {
  organisation: { select: { name: true } },
  network: { select: { id: true, name: true } },
} as const;

/** The only place invitations touch Prisma. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByEmail(email: string) {
    return this.prisma.user.findUnique({
      where: { email },
      select: { id: true, preferredLanguage: true, timeZone: true, disabledAt: true },
    });
  }

  async isMember(userId: string, scope: InvitationScope): Promise<boolean> {
    if (scope.organisationId) {
      const found = await this.prisma.organisationMembership.findUnique({
        where: { userId_organisationId: { userId, organisationId: scope.organisationId } },
      });
      return !!found;
    }
    const found = await this.prisma.networkMembership.findUnique({
      where: { userId_networkId: { userId, networkId: scope.networkId } },
    });
    return !!found;
  }

  /**
   * Creates an invitation and revokes any earlier pending one for the same address and
   * place, so only the newest link works. A per-address lock keeps two simultaneous
   * invitations from both staying pending.
   */
  /** `also` (the invitation's message job) commits with the new invitation. */
  createReplacingPending(data: NewInvitation, also: AlsoInTransaction<Prisma.InvitationGetPayload<{ include: typeof withNames }>>) {
    return this.prisma.$transaction(async (tx) => {
      const lockKey = `invitation:${data.email}:${data.organisationId ?? data.networkId}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`;
      const now = new Date();
      await tx.invitation.updateMany({
        where: {
          email: data.email,
          networkId: data.networkId,
          organisationId: data.organisationId,
          acceptedAt: null,
          revokedAt: null,
        },
        data: { revokedAt: now },
      });
      const invitation = await tx.invitation.create({ data, include: withNames });
      await also(tx, invitation);
      return invitation;
    });
  }

  /** The newest invitation to `email` in the network neither accepted nor revoked. */
  latestOpen(email: string, networkId: string) {
    return this.prisma.invitation.findFirst({
      where: { email, networkId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
  }

  listPending(organisationId: string, now: Date) {
    return this.prisma.invitation.findMany({
      where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    });
  }

  findById(id: string) {
    return this.prisma.invitation.findUnique({ where: { id } });
  }

  /** Marks a not-yet-accepted invitation revoked; false when there was nothing to revoke. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.prisma.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return result.count === 1;
  }

  /** A pending (unused, unrevoked, unexpired) invitation by its token's hash. */
  findPendingByTokenHash(tokenHash: string, now: Date) {
    return this.prisma.invitation.findFirst({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      include: withNames,
    });
  }

  /**
   * Claims the invitation and grants its role in one transaction. The claim is a
   * conditional update: of two simultaneous accepts, the second waits on the row lock,
   * then finds `acceptedAt` set and gets INVITATION_INVALID, so nothing is granted twice.
   */
  async accept(
    invitation: InvitationScope & { id: string; role: Role },
    invitee: Invitee,
  ): Promise<{ userId: string; newAccount: boolean }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
          data: { acceptedAt: now },
        });
        if (claimed.count !== 1) throw invitationInvalid();
        const userId = 'userId' in invitee ? invitee.userId : (await tx.user.create({ data: invitee.newUser })).id;
        if (invitation.organisationId) {
          await tx.organisationMembership.create({
            data: { userId, organisationId: invitation.organisationId, role: invitation.role },
          });
        } else {
          await tx.networkMembership.create({
            data: { userId, networkId: invitation.networkId, role: invitation.role },
          });
        }
        return { userId, newAccount: !('userId' in invitee) };
      });
    } catch (error) {
      // A unique constraint lost to a concurrent request: the account or membership appeared meanwhile.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw 'userId' in invitee
          ? new AppError('ALREADY_MEMBER', 'This person is already a member.')
          : new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists. Sign in first.');
      }
      throw error;
    }
  }
}

export const invitationInvalid = () =>
  new AppError('INVITATION_INVALID', 'This invitation link is no longer valid. Ask for a new invitation.');
