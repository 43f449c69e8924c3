import { Injectable } from '@nestjs/common';
import type { GroupAudience } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { visibleWhere as visibleGroupsWhere } from './group-visibility.js';
import { rolesHolding } from '../../common/auth/roles.js';

const detailInclude = (userId: string) =>
  ({
    organisations: { select: { organisation: { select: { id: true, name: true } } } },
    coordinators: { select: { user: { select: { id: true, name: true } } } },
    followers: { where: { userId }, select: { userId: true } },
    _count: { select: { threads: { where: { hiddenAt: null } }, documents: true } },
  }) as const;

/** The only place working groups touch Prisma. Every read is filtered by visibility. */
@Injectable()
export class GroupsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(actor: Actor, filter: { networkId?: string; q?: string }) {
    return this.prisma.workingGroup.findMany({
      where: {
        AND: [
          visibleGroupsWhere(actor),
          filter.networkId ? { networkId: filter.networkId } : {},
          filter.q ? { name: { contains: filter.q, mode: 'insensitive' } } : {},
        ],
      },
      include: detailInclude(actor.userId),
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: 200,
    });
  }

  /** A group the actor may see, or null (then it does not exist for them). */
  findVisible(actor: Actor, groupId: string) {
    return this.prisma.workingGroup.findFirst({
      where: { AND: [{ id: groupId }, visibleGroupsWhere(actor)] },
      include: detailInclude(actor.userId),
    });
  }

  organisationsInNetwork(networkId: string, ids: string[]) {
    return this.prisma.organisation.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
  }

  create(input: {
    networkId: string;
    name: string;
    description: string;
    audience: GroupAudience;
    organisationIds: string[];
    createdById: string;
  }) {
    return this.prisma.workingGroup.create({
      data: {
        networkId: input.networkId,
        name: input.name,
        description: input.description,
        audience: input.audience,
        createdById: input.createdById,
        organisations: { create: input.organisationIds.map((organisationId) => ({ organisationId })) },
        // The creator moderates the group and follows it.
        coordinators: { create: [{ userId: input.createdById }] },
        followers: { create: [{ userId: input.createdById }] },
      },
      select: { id: true },
    });
  }

  async setFollowing(groupId: string, userId: string, following: boolean) {
    if (following) {
      await this.prisma.workingGroupFollower.upsert({
        where: { groupId_userId: { groupId, userId } },
        create: { groupId, userId },
        update: {},
      });
    } else {
      await this.prisma.workingGroupFollower.deleteMany({ where: { groupId, userId } });
    }
  }

  followerIds(groupId: string) {
    return this.prisma.workingGroupFollower
      .findMany({ where: { groupId }, select: { userId: true } })
      .then((rows) => rows.map((r) => r.userId));
  }

  /** Which of these people can see the group: the check behind @mentions, however large the network. */
  async visibleToAmong(group: { id: string; networkId: string; audience: GroupAudience }, userIds: string[]): Promise<string[]> {
    const organisationFilter =
      group.audience === 'NETWORK'
        ? { networkId: group.networkId }
        : { collaborationGroups: { some: { groupId: group.id } } };
    const [members, coordinators] = await Promise.all([
      this.prisma.organisationMembership.findMany({
        where: { userId: { in: userIds }, organisation: organisationFilter, user: { disabledAt: null } },
        select: { userId: true },
      }),
      this.prisma.networkMembership.findMany({
        where: { userId: { in: userIds }, networkId: group.networkId, role: { in: rolesHolding('collaboration.moderate') }, user: { disabledAt: null } },
        select: { userId: true },
      }),
    ]);
    return [...new Set([...members, ...coordinators].map((m) => m.userId))];
  }

  /**
   * People who can see the group (for @mentions): members of its organisations — or of every
   * organisation in the network for a network-wide group — and the network's coordinators.
   */
  async members(group: { id: string; networkId: string; audience: GroupAudience }) {
    const organisationFilter =
      group.audience === 'NETWORK'
        ? { networkId: group.networkId }
        : { collaborationGroups: { some: { groupId: group.id } } };
    const memberships = await this.prisma.organisationMembership.findMany({
      where: { organisation: organisationFilter, user: { disabledAt: null } },
      select: { user: { select: { id: true, name: true } }, organisation: { select: { name: true } } },
      orderBy: [{ user: { name: 'asc' } }],
      take: 2000,
    });
    const coordinators = await this.prisma.networkMembership.findMany({
      where: { networkId: group.networkId, role: { in: rolesHolding('collaboration.moderate') }, user: { disabledAt: null } },
      select: { user: { select: { id: true, name: true } }, network: { select: { name: true } } },
    });
    const seen = new Map<string, { id: string; name: string; organisationName: string }>();
    for (const m of memberships) seen.set(m.user.id, { ...m.user, organisationName: m.organisation.name });
    for (const c of coordinators) if (!seen.has(c.user.id)) seen.set(c.user.id, { ...c.user, organisationName: c.network.name });
    return [...seen.values()];
  }
}
