import { Injectable } from '@nestjs/common';
import {
  type CampaignCreate,
  type CampaignDetail,
  type CampaignLinkInput,
  type CampaignLinkKind,
  type CampaignSummary,
  type CampaignUpdate,
  type MilestoneInput,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, forbidden, notFound } from '../../common/errors/app-error.js';
import { campaignProgress, milestoneOut, nextMilestone } from './campaign-view.js';
import { joinAndLeaveChoices, joinRefusal, leaveRefusal, mayEditCampaign } from './campaign-rules.js';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository.js';
import { GroupsService } from './groups.service.js';
import { LinkedObjectsRepository } from './linked-objects.repository.js';
import { renderMarkdown } from '../../common/text/markdown.js';

/**
 * Campaigns: seen by whoever sees the group (404 for everyone else, by list, id or link);
 * steered by the owner organisation's leaders and the group's coordinators; joined and left
 * by each organisation's own leaders.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly groups: GroupsService,
    private readonly linked: LinkedObjectsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, groupId: string) {
    await this.groups.requireVisible(actor, groupId);
    const rows = await this.repository.listForGroup(groupId);
    const documents = await this.linked.documents(actor, [...new Set(rows.flatMap((r) => r.documents.map((d) => d.documentId)))]);
    return { items: rows.map((row) => this.summary(row, documents)) };
  }

  async create(actor: Actor, groupId: string, input: CampaignCreate): Promise<CampaignDetail> {
    const group = await this.groups.requireVisible(actor, groupId);
    const inGroup =
      group.audience === 'ORGANISATIONS'
        ? group.organisations.some((o) => o.organisation.id === input.ownerOrganisationId)
        : (await this.repository.organisationsInNetwork(group.networkId, [input.ownerOrganisationId])).length === 1;
    if (!inGroup) throw notFound('organisation');
    const owner = { id: input.ownerOrganisationId, networkId: group.networkId };
    if (!this.access.holdsForOrganisation(actor, 'campaigns.manage', owner)) {
      throw forbidden('Only the owner organisation’s leaders start its campaigns.');
    }
    const { id } = await this.repository.create({ ...input, groupId, createdById: actor.userId });
    await this.audit.record({
      action: 'campaign.created',
      actorId: actor.userId,
      organisationId: input.ownerOrganisationId,
      networkId: group.networkId,
      details: { campaignId: id, groupId },
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, campaignId: string): Promise<CampaignDetail> {
    return this.detail(actor, await this.require(actor, campaignId));
  }

  async update(actor: Actor, campaignId: string, input: CampaignUpdate) {
    await this.requireEditable(actor, campaignId);
    await this.repository.update(campaignId, input);
    return this.get(actor, campaignId);
  }

  async addMilestone(actor: Actor, campaignId: string, input: MilestoneInput) {
    await this.requireEditable(actor, campaignId);
    await this.repository.addMilestone(campaignId, input);
    return this.get(actor, campaignId);
  }

  async updateMilestone(actor: Actor, campaignId: string, milestoneId: string, change: { title?: string; dueOn?: string; done?: boolean }) {
    await this.requireEditable(actor, campaignId);
    if (!(await this.repository.updateMilestone(campaignId, milestoneId, change))) throw notFound('milestone');
    return this.get(actor, campaignId);
  }

  async removeMilestone(actor: Actor, campaignId: string, milestoneId: string) {
    await this.requireEditable(actor, campaignId);
    if (!(await this.repository.removeMilestone(campaignId, milestoneId))) throw notFound('milestone');
    return this.get(actor, campaignId);
  }

  /** An editor links only what they can see themselves; anything else does not exist for them. */
  async addLink(actor: Actor, campaignId: string, link: CampaignLinkInput) {
    await this.requireEditable(actor, campaignId);
    const visible = await this.visibleTargets(actor, link.kind, [link.targetId]);
    if (!visible.has(link.targetId)) throw notFound(link.kind);
    await this.repository.addLink(campaignId, link.kind, link.targetId);
    return this.get(actor, campaignId);
  }

  async removeLink(actor: Actor, campaignId: string, link: CampaignLinkInput) {
    await this.requireEditable(actor, campaignId);
    if (!(await this.repository.removeLink(campaignId, link.kind, link.targetId))) throw notFound('link');
    return this.get(actor, campaignId);
  }

  async join(actor: Actor, campaignId: string, organisationId: string) {
    const campaign = await this.require(actor, campaignId);
    const refusal = joinRefusal(actor, campaign, organisationId);
    if (refusal === 'not_a_leader') throw forbidden('Only a leader of this organisation commits it to a campaign.');
    if (refusal === 'not_in_group') throw forbidden('Only organisations of this working group take part in its campaigns.');
    if (await this.repository.join(campaignId, organisationId, actor.userId)) {
      await this.audit.record({
        action: 'campaign.organisation_joined',
        actorId: actor.userId,
        organisationId,
        networkId: campaign.group.networkId,
        details: { campaignId },
      });
    }
    return this.get(actor, campaignId);
  }

  async leave(actor: Actor, campaignId: string, organisationId: string) {
    const campaign = await this.require(actor, campaignId);
    const refusal = leaveRefusal(actor, campaign, organisationId);
    if (refusal === 'not_a_leader') throw forbidden('Only a leader of this organisation withdraws it from a campaign.');
    if (refusal === 'owner_stays') throw new AppError('CAMPAIGN_OWNER_STAYS', 'The organisation that leads the campaign cannot leave it.');
    if (await this.repository.leave(campaignId, organisationId)) {
      await this.audit.record({
        action: 'campaign.organisation_left',
        actorId: actor.userId,
        organisationId,
        networkId: campaign.group.networkId,
        details: { campaignId },
      });
    }
    return this.get(actor, campaignId);
  }

  /** A campaign in a group the actor sees, or 404. */
  private async require(actor: Actor, campaignId: string): Promise<CampaignRow> {
    const campaign = await this.repository.find(actor, campaignId);
    if (!campaign) throw notFound('campaign');
    return campaign;
  }

  private async requireEditable(actor: Actor, campaignId: string) {
    const campaign = await this.require(actor, campaignId);
    if (!mayEditCampaign(actor, campaign)) throw forbidden('Only the owner organisation’s leaders and the group’s coordinators change a campaign.');
    return campaign;
  }

  private visibleTargets(actor: Actor, kind: CampaignLinkKind, ids: string[]): Promise<Map<string, unknown>> {
    if (kind === 'document') return this.linked.documents(actor, ids);
    if (kind === 'meeting') return this.linked.meetingsOf(actor, ids);
    return this.linked.materials(actor, ids);
  }

  private summary(row: CampaignRow, documents: Awaited<ReturnType<LinkedObjectsRepository['documents']>>): CampaignSummary {
    const next = nextMilestone(row.milestones);
    return {
      id: row.id,
      groupId: row.groupId,
      title: row.title,
      ownerOrganisationName: row.ownerOrganisation.name,
      nextMilestone: next ? milestoneOut(next) : null,
      progress: campaignProgress(row, documents),
    };
  }

  private async detail(actor: Actor, row: CampaignRow): Promise<CampaignDetail> {
    // Each link is looked up through its own feature's visibility rule for this reader.
    const [documents, meetings, materials] = await Promise.all([
      this.linked.documents(actor, row.documents.map((d) => d.documentId)),
      this.linked.meetingsOf(actor, row.meetings.map((m) => m.meetingId)),
      this.linked.materials(actor, row.materials.map((m) => m.materialId)),
    ]);
    return {
      ...this.summary(row, documents),
      groupName: row.group.name,
      ownerOrganisationId: row.ownerOrganisationId,
      goalMarkdown: row.goal,
      goalHtml: renderMarkdown(row.goal),
      milestones: row.milestones.map(milestoneOut),
      documents: row.documents.flatMap(({ documentId }) => {
        const d = documents.get(documentId);
        return d ? [{ id: documentId, ...d }] : [];
      }),
      meetings: row.meetings.flatMap(({ meetingId }) => {
        const m = meetings.get(meetingId);
        return m ? [{ id: meetingId, title: m.title, startsAt: m.startsAt.toISOString(), cancelled: m.cancelled }] : [];
      }),
      materials: row.materials.flatMap(({ materialId }) => {
        const m = materials.get(materialId);
        return m ? [{ id: materialId, ...m }] : [];
      }),
      organisations: row.organisations.map((o) => ({ id: o.organisation.id, name: o.organisation.name, joinedAt: o.joinedAt.toISOString() })),
      canEdit: mayEditCampaign(actor, row),
      ...joinAndLeaveChoices(actor, row),
    };
  }
}
