import { Injectable } from '@nestjs/common';
import { type GroupCreate, type GroupDetail, type GroupSummary } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { canModerate } from './group-visibility.js';
import { GroupsRepository } from './groups.repository.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import { organisationsHolding } from '../../common/auth/roles.js';

type GroupRow = NonNullable<Awaited<ReturnType<GroupsRepository['findVisible']>>>;

/** Working groups: who may start one, who sees it, following. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly repository: GroupsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async list(actor: Actor, filter: { networkId?: string; q?: string }) {
    const rows = await this.repository.list(actor, filter);
    return { items: rows.map((row) => toSummary(row)) };
  }

  async get(actor: Actor, groupId: string): Promise<GroupDetail> {
    return toDetail(actor, await this.requireVisible(actor, groupId));
  }

  /** The group as the actor sees it, or 404: a closed group does not exist for outsiders. */
  async requireVisible(actor: Actor, groupId: string): Promise<GroupRow> {
    const group = await this.repository.findVisible(actor, groupId);
    if (!group) throw notFound('working group');
    return group;
  }

  /**
   * Coordinators start groups in their network; leaders start groups in the network of an
   * organisation they lead, and that organisation is always part of the group.
   */
  async create(actor: Actor, input: GroupCreate): Promise<GroupDetail> {
    const visible = await this.access.visibleNetworkIds(actor);
    if (!visible.includes(input.networkId)) throw notFound('network');
    const coordinates = this.access.holdsForNetwork(actor, 'collaboration.createGroup', input.networkId);
    const ledHere = organisationsHolding(actor, 'collaboration.createGroup').filter(
      (id) => actor.organisations.get(id)?.networkId === input.networkId,
    );
    if (!coordinates && ledHere.length === 0) throw forbidden('Your role does not allow starting a group here.');
    let organisationIds: string[] = [];
    if (input.audience === 'ORGANISATIONS') {
      organisationIds = [...new Set([...input.organisationIds, ...(coordinates ? [] : ledHere.slice(0, 1))])];
      const found = await this.repository.organisationsInNetwork(input.networkId, organisationIds);
      if (found.length !== organisationIds.length) throw notFound('organisation');
    }
    const { id } = await this.repository.create({ ...input, organisationIds, createdById: actor.userId });
    return this.get(actor, id);
  }

  async follow(actor: Actor, groupId: string, following: boolean): Promise<GroupDetail> {
    await this.requireVisible(actor, groupId);
    await this.repository.setFollowing(groupId, actor.userId, following);
    return this.get(actor, groupId);
  }

  async members(actor: Actor, groupId: string) {
    const group = await this.requireVisible(actor, groupId);
    return { items: await this.repository.members(group) };
  }
}

function toSummary(row: GroupRow): GroupSummary {
  return {
    id: row.id,
    networkId: row.networkId,
    name: row.name,
    audience: row.audience,
    following: row.followers.length > 0,
    threadCount: row._count.threads,
    documentCount: row._count.documents,
  };
}

export function moderatorOf(actor: Actor, row: { networkId: string; coordinators: { user: { id: string } }[] }) {
  return canModerate(actor, { networkId: row.networkId, coordinatorIds: row.coordinators.map((c) => c.user.id) });
}

function toDetail(actor: Actor, row: GroupRow): GroupDetail {
  return {
    ...toSummary(row),
    descriptionMarkdown: row.description,
    descriptionHtml: renderMarkdown(row.description),
    organisations: row.organisations.map((o) => o.organisation).sort((a, b) => a.name.localeCompare(b.name)),
    coordinators: row.coordinators.map((c) => c.user),
    canModerate: moderatorOf(actor, row),
  };
}
