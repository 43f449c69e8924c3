import { Injectable } from '@nestjs/common';
import { ACCOUNT_LIST_LIMIT, ORGANISATION_ROLES, type AccountSummary, type OrganisationRole } from '@tadamon/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { COORDINATOR_ROLES } from '../../common/auth/roles.js';

/** The accounts module's reads and writes of people's accounts, and the platform admins' account list. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async exists(userId: string): Promise<boolean> {
    return (await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
  }

  setDisabled(userId: string, disabled: boolean) {
    return this.prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
  }

  async search(q: string | undefined, disabled: boolean | undefined): Promise<{ items: AccountSummary[]; more: boolean }> {
    const where: Prisma.UserWhereInput = { erasedAt: null };
    if (disabled !== undefined) where.disabledAt = disabled ? { not: null } : null;
    if (q) {
      const contains = { contains: q, mode: 'insensitive' as const };
      where.OR = [{ name: contains }, { email: contains }, { phone: { contains: q.replace(/[\s().-]/g, '') } }, { username: contains }];
    }
    const rows = await this.prisma.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: ACCOUNT_LIST_LIMIT + 1,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        username: true,
        isPlatformAdmin: true,
        disabledAt: true,
        createdAt: true,
        memberships: { where: { role: { in: [...ORGANISATION_ROLES] } }, select: { role: true, organisation: { select: { name: true } } } },
        networkRoles: { where: { role: { in: COORDINATOR_ROLES } }, select: { network: { select: { name: true } } } },
      },
    });
    return {
      more: rows.length > ACCOUNT_LIST_LIMIT,
      items: rows.slice(0, ACCOUNT_LIST_LIMIT).map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        phone: row.phone,
        username: row.username,
        isPlatformAdmin: row.isPlatformAdmin,
        disabled: row.disabledAt !== null,
        createdAt: row.createdAt.toISOString(),
        memberships: row.memberships.map((m) => ({ organisationName: m.organisation.name, role: m.role as OrganisationRole })),
        coordinatorOf: row.networkRoles.map((r) => r.network.name),
      })),
    };
  }
}
