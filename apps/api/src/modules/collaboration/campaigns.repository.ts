import { Injectable } from '@nestjs/common';
import type { CampaignLinkKind } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { visibleWhere as visibleGroupsWhere } from './group-visibility.js';

const campaignInclude = {
  group: {
    select: {
      id: true,
      networkId: true,
      name: true,
      audience: true,
      organisations: { select: { organisationId: true } },
      coordinators: { select: { user: { select: { id: true } } } },
    },
  },
  ownerOrganisation: { select: { id: true, name: true } },
  milestones: { orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
  organisations: { include: { organisation: { select: { id: true, name: true } } }, orderBy: [{ joinedAt: 'asc' }] },
  documents: { select: { documentId: true }, orderBy: [{ addedAt: 'asc' }] },
  meetings: { select: { meetingId: true }, orderBy: [{ addedAt: 'asc' }] },
  materials: { select: { materialId: true }, orderBy: [{ addedAt: 'asc' }] },
} satisfies Prisma.CampaignInclude;

export type CampaignRow = Prisma.CampaignGetPayload<{ include: typeof campaignInclude }>;

/** Day strings (YYYY-MM-DD) as the midnight-UTC dates a DATE column stores. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The only place campaigns touch Prisma. Lookups by id go through the group's visibility. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(actor: Actor, campaignId: string) {
    return this.prisma.campaign.findFirst({
      where: { id: campaignId, group: visibleGroupsWhere(actor) },
      include: campaignInclude,
    });
  }

  listForGroup(groupId: string) {
    return this.prisma.campaign.findMany({
      where: { groupId },
      include: campaignInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 100,
    });
  }

  organisationsInNetwork(networkId: string, ids: string[]) {
    return this.prisma.organisation.findMany({ where: { networkId, id: { in: ids } }, select: { id: true } });
  }

  /** Campaign, its first milestones and its owner as first participant: all or nothing. */
  create(input: {
    groupId: string;
    ownerOrganisationId: string;
    title: string;
    goal: string;
    milestones: { title: string; dueOn: string }[];
    createdById: string;
  }) {
    return this.prisma.campaign.create({
      data: {
        groupId: input.groupId,
        ownerOrganisationId: input.ownerOrganisationId,
        title: input.title,
        goal: input.goal,
        createdById: input.createdById,
        milestones: { create: input.milestones.map((m) => ({ title: m.title, dueOn: dayToDate(m.dueOn) })) },
        organisations: { create: [{ organisationId: input.ownerOrganisationId, joinedById: input.createdById }] },
      },
      select: { id: true },
    });
  }

  async update(campaignId: string, data: { title?: string; goal?: string }) {
    await this.prisma.campaign.update({ where: { id: campaignId }, data });
  }

  async addMilestone(campaignId: string, input: { title: string; dueOn: string }) {
    await this.prisma.campaignMilestone.create({ data: { campaignId, title: input.title, dueOn: dayToDate(input.dueOn) } });
  }

  /** Scoped by campaign: a milestone id of another campaign changes nothing (and answers 404). */
  async updateMilestone(campaignId: string, milestoneId: string, change: { title?: string; dueOn?: string; done?: boolean }) {
    const { count } = await this.prisma.campaignMilestone.updateMany({
      where: { id: milestoneId, campaignId },
      data: {
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.dueOn === undefined ? {} : { dueOn: dayToDate(change.dueOn) }),
        ...(change.done === undefined ? {} : { doneAt: change.done ? new Date() : null }),
      },
    });
    return count > 0;
  }

  async removeMilestone(campaignId: string, milestoneId: string) {
    const { count } = await this.prisma.campaignMilestone.deleteMany({ where: { id: milestoneId, campaignId } });
    return count > 0;
  }

  /** Linking twice is harmless: the second call finds the link there. */
  async addLink(campaignId: string, kind: CampaignLinkKind, targetId: string) {
    if (kind === 'document') {
      await this.prisma.campaignDocument.createMany({ data: [{ campaignId, documentId: targetId }], skipDuplicates: true });
    } else if (kind === 'meeting') {
      await this.prisma.campaignMeeting.createMany({ data: [{ campaignId, meetingId: targetId }], skipDuplicates: true });
    } else {
      await this.prisma.campaignMaterial.createMany({ data: [{ campaignId, materialId: targetId }], skipDuplicates: true });
    }
  }

  async removeLink(campaignId: string, kind: CampaignLinkKind, targetId: string) {
    const where = { campaignId };
    const { count } =
      kind === 'document'
        ? await this.prisma.campaignDocument.deleteMany({ where: { ...where, documentId: targetId } })
        : kind === 'meeting'
          ? await this.prisma.campaignMeeting.deleteMany({ where: { ...where, meetingId: targetId } })
          : await this.prisma.campaignMaterial.deleteMany({ where: { ...where, materialId: targetId } });
    return count > 0;
  }

  async join(campaignId: string, organisationId: string, userId: string) {
    const { count } = await this.prisma.campaignOrganisation.createMany({
      data: [{ campaignId, organisationId, joinedById: userId }],
      skipDuplicates: true,
    });
    return count > 0;
  }

  async leave(campaignId: string, organisationId: string) {
    const { count } = await this.prisma.campaignOrganisation.deleteMany({ where: { campaignId, organisationId } });
    return count > 0;
  }
}
