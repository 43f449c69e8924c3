import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../common/database/prisma.service.js';

/**
 * Which events a reader may see. `everything` is for platform admins; otherwise an event is
 * visible when it concerns one of `organisationIds`, or one of `networkIds` directly or
 * through its organisation.
 */
export type AuditScope = { everything: true } | { everything: false; organisationIds: string[]; networkIds: string[] };

export interface AuditPageQuery {
  scope: AuditScope;
  organisationId?: string;
  networkId?: string;
  /** The last event of the previous page. */
  after?: { at: Date; id: string };
  take: number;
}

/** The read side of the audit log: the only Prisma calls for it. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  page(query: AuditPageQuery) {
    const and: Prisma.AuditEventWhereInput[] = [];
    if (!query.scope.everything) {
      const { organisationIds, networkIds } = query.scope;
      and.push({
        OR: [
          { organisationId: { in: organisationIds } },
          { networkId: { in: networkIds } },
          { organisation: { is: { networkId: { in: networkIds } } } },
        ],
      });
    }
    if (query.organisationId) and.push({ organisationId: query.organisationId });
    if (query.networkId) {
      and.push({ OR: [{ networkId: query.networkId }, { organisation: { is: { networkId: query.networkId } } }] });
    }
    if (query.after) {
      const { at, id } = query.after;
      and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: id } }] });
    }
    return this.prisma.auditEvent.findMany({
      where: { AND: and },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: query.take,
      select: {
        id: true,
        at: true,
        action: true,
        ip: true,
        details: true,
        subjectUserId: true,
        actor: { select: { name: true } },
        organisation: { select: { name: true } },
      },
    });
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
