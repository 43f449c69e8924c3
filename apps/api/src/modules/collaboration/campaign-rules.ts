import type { Actor } from '../../common/auth/actor.js';
import { holdsInOrganisation } from '../../common/auth/roles.js';
import { canModerate } from './group-visibility.js';

/**
 * Who may do what with a campaign, and which organisations may join or leave it: the rules
 * alone, on plain facts, so they read (and are tested, campaign-rules.spec.ts) without a
 * database. CampaignsService loads the facts, asks here, and stores the outcome.
 */

/** The facts of a campaign the rules need. */
export interface CampaignFacts {
  ownerOrganisationId: string;
  group: {
    networkId: string;
    audience: string;
    organisations: { organisationId: string }[];
    coordinators: { user: { id: string } }[];
  };
  organisations: { organisationId: string }[];
}

/** Why a join or a leave is refused (null: allowed). */
export type CampaignRefusal = 'not_a_leader' | 'not_in_group' | 'owner_stays' | null;

/** Organisations that belong to the group: its chosen ones, or any of the network for a network-wide group. */
export function inGroup(group: CampaignFacts['group'], organisationId: string, networkIdOfOrganisation: string): boolean {
  return group.audience === 'ORGANISATIONS'
    ? group.organisations.some((o) => o.organisationId === organisationId)
    : networkIdOfOrganisation === group.networkId;
}

/** Only an organisation's own leaders commit it to a campaign: not a coordinator on its behalf. */
export function leads(actor: Actor, organisationId: string): boolean {
  return holdsInOrganisation(actor, 'campaigns.manage', organisationId);
}

/** The owner organisation's leaders and the group's moderators (its coordinators) steer a campaign. */
export function mayEditCampaign(actor: Actor, campaign: CampaignFacts): boolean {
  const coordinatorIds = campaign.group.coordinators.map((c) => c.user.id);
  return canModerate(actor, { networkId: campaign.group.networkId, coordinatorIds }) || leads(actor, campaign.ownerOrganisationId);
}

/** An organisation joins through its own leader, and only one of the campaign's group. */
export function joinRefusal(actor: Actor, campaign: CampaignFacts, organisationId: string): CampaignRefusal {
  if (!leads(actor, organisationId)) return 'not_a_leader';
  const membership = actor.organisations.get(organisationId)!;
  return inGroup(campaign.group, organisationId, membership.networkId) ? null : 'not_in_group';
}

/** An organisation leaves through its own leader; the owner leads the campaign and stays. */
export function leaveRefusal(actor: Actor, campaign: CampaignFacts, organisationId: string): CampaignRefusal {
  if (!leads(actor, organisationId)) return 'not_a_leader';
  return organisationId === campaign.ownerOrganisationId ? 'owner_stays' : null;
}

/** The organisations the actor leads that could join now, and those they could take out. */
export function joinAndLeaveChoices(actor: Actor, campaign: CampaignFacts) {
  const participating = new Set(campaign.organisations.map((o) => o.organisationId));
  const led = [...actor.organisations.entries()].filter(([id]) => leads(actor, id));
  return {
    canJoinFor: led.filter(([id, o]) => !participating.has(id) && inGroup(campaign.group, id, o.networkId)).map(([id, o]) => ({ id, name: o.name })),
    canLeaveFor: led.map(([id]) => id).filter((id) => participating.has(id) && id !== campaign.ownerOrganisationId),
  };
}
