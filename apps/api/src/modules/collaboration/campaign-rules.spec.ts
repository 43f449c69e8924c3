import { describe, expect, it } from 'vitest';
import type { OrganisationRole, Role } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { joinAndLeaveChoices, joinRefusal, leaveRefusal, mayEditCampaign, type CampaignFacts } from './campaign-rules.js';

const NETWORK = 'network-1';
function actor(organisations: [string, OrganisationRole, string?][], networks: [string, Role][] = [], userId = 'user-1'): Actor {
  return {
    userId,
    sessionId: 's',
    sessionTokenHash: 'h',
    email: null,
    phone: null,
    username: null,
    sharedDevice: false,
    name: 'Someone',
    preferredLanguage: 'en',
    timeZone: 'UTC',
    isPlatformAdmin: false,
    organisations: new Map(organisations.map(([id, role, networkId]) => [id, { role, networkId: networkId ?? NETWORK, name: `Org ${id}`, networkName: 'Net' }])),
    networks: new Map(networks.map(([id, role]) => [id, { role, name: 'Net' }])),
  };
}

/** A campaign owned by `owner`, in a group of the chosen organisations `members` (or network-wide), with `joined` taking part. */
function campaign(opts: { owner?: string; members?: string[]; joined?: string[]; coordinators?: string[] } = {}): CampaignFacts {
  const owner = opts.owner ?? 'owner';
  return {
    ownerOrganisationId: owner,
    group: {
      networkId: NETWORK,
      audience: opts.members ? 'ORGANISATIONS' : 'NETWORK',
      organisations: (opts.members ?? []).map((organisationId) => ({ organisationId })),
      coordinators: (opts.coordinators ?? []).map((id) => ({ user: { id } })),
    },
    organisations: [owner, ...(opts.joined ?? [])].map((organisationId) => ({ organisationId })),
  };
}

describe('who steers a campaign', () => {
  it("the owner organisation's leaders, the network's coordinators and the group's own coordinators; not a volunteer of the owner nor another organisation's leader", () => {
    expect(mayEditCampaign(actor([['owner', 'ORG_LEADER']]), campaign())).toBe(true);
    expect(mayEditCampaign(actor([], [[NETWORK, 'COORDINATOR']]), campaign())).toBe(true);
    expect(mayEditCampaign(actor([['other', 'VOLUNTEER']], [], 'group-coordinator'), campaign({ coordinators: ['group-coordinator'] }))).toBe(true);
    expect(mayEditCampaign(actor([['owner', 'VOLUNTEER']]), campaign())).toBe(false);
    expect(mayEditCampaign(actor([['other', 'ORG_LEADER']]), campaign())).toBe(false);
    expect(mayEditCampaign(actor([], [['network-2', 'COORDINATOR']]), campaign())).toBe(false);
  });
});

describe('joining and leaving', () => {
  it('an organisation joins through its own leader, never a coordinator on its behalf', () => {
    expect(joinRefusal(actor([['a', 'ORG_LEADER']]), campaign(), 'a')).toBeNull();
    expect(joinRefusal(actor([['a', 'VOLUNTEER']]), campaign(), 'a')).toBe('not_a_leader');
    expect(joinRefusal(actor([], [[NETWORK, 'COORDINATOR']]), campaign(), 'a')).toBe('not_a_leader');
  });

  it("only organisations of the campaign's group join: its chosen ones, or the network's for a network-wide group", () => {
    expect(joinRefusal(actor([['a', 'ORG_LEADER']]), campaign({ members: ['owner', 'a'] }), 'a')).toBeNull();
    expect(joinRefusal(actor([['b', 'ORG_LEADER']]), campaign({ members: ['owner', 'a'] }), 'b')).toBe('not_in_group');
    expect(joinRefusal(actor([['far', 'ORG_LEADER', 'network-2']]), campaign(), 'far')).toBe('not_in_group');
  });

  it('a leader takes their organisation out; the owner organisation stays', () => {
    expect(leaveRefusal(actor([['a', 'ORG_LEADER']]), campaign({ joined: ['a'] }), 'a')).toBeNull();
    expect(leaveRefusal(actor([['owner', 'ORG_LEADER']]), campaign(), 'owner')).toBe('owner_stays');
    expect(leaveRefusal(actor([['a', 'VOLUNTEER']]), campaign({ joined: ['a'] }), 'a')).toBe('not_a_leader');
  });

  it('offers each led organisation the move open to it: join if eligible and out, leave if in and not the owner', () => {
    const leader = actor([['owner', 'ORG_LEADER'], ['a', 'ORG_LEADER'], ['b', 'ORG_LEADER'], ['c', 'ORG_LEADER'], ['v', 'VOLUNTEER']]);
    const choices = joinAndLeaveChoices(leader, campaign({ members: ['owner', 'a', 'b', 'v'], joined: ['b'] }));
    expect(choices.canJoinFor.map((o) => o.id)).toEqual(['a']);
    expect(choices.canLeaveFor).toEqual(['b']);
  });
});
