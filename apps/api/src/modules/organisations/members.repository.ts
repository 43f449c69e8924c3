import { Injectable } from '@nestjs/common';
import type { Member, OrganisationRole } from '@tadamon/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { LEADER_ROLES } from '../../common/auth/roles.js';

const memberSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true, phone: true, username: true, disabledAt: true } },
} satisfies Prisma.OrganisationMembershipSelect;

type MemberRow = Prisma.OrganisationMembershipGetPayload<{ select: typeof memberSelect }>;

function toMember(row: MemberRow): Member {
  return {
    membershipId: row.id,
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    phone: row.user.phone,
    username: row.user.username,
    role: row.role as OrganisationRole,
    joinedAt: row.createdAt.toISOString(),
    disabled: row.user.disabledAt !== null,
  };
}

/** Reads and writes inside one organisation's membership lock (see `withOrganisationLock`). */
export class LockedMembers {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly organisationId: string,
  ) {}

  /** The membership, only if it belongs to this organisation. */
  async find(membershipId: string): Promise<Member | null> {
    const row = await this.tx.organisationMembership.findFirst({
      where: { id: membershipId, organisationId: this.organisationId },
      select: memberSelect,
    });
    return row && toMember(row);
  }

  /** Leaders who can still sign in, other than the given membership. */
  otherActiveLeaders(membershipId: string): Promise<number> {
    return this.tx.organisationMembership.count({
      where: {
        organisationId: this.organisationId,
        role: { in: LEADER_ROLES },
        id: { not: membershipId },
        user: { disabledAt: null },
      },
    });
  }

  async changeRole(membershipId: string, role: OrganisationRole): Promise<Member> {
    return toMember(
      await this.tx.organisationMembership.update({ where: { id: membershipId }, data: { role }, select: memberSelect }),
    );
  }

  async remove(membershipId: string): Promise<void> {
    await this.tx.organisationMembership.delete({ where: { id: membershipId } });
  }
}

/** Organisation memberships: the only Prisma calls for member management. */
@Injectable()
export class MembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(organisationId: string): Promise<Member[]> {
    const rows = await this.prisma.organisationMembership.findMany({
      where: { organisationId },
      select: memberSelect,
      orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
    });
    return rows.map(toMember);
  }

  /**
   * Runs `work` while holding a row lock on the organisation, so two leaders demoting or
   * removing each other at the same moment cannot both pass the last-leader check.
   */
  withOrganisationLock<T>(organisationId: string, work: (members: LockedMembers) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
      return work(new LockedMembers(tx, organisationId));
    });
  }
}
