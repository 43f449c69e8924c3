import type { Actor } from '../../common/auth/actor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { holdsInNetwork, networksHolding } from '../../common/auth/roles.js';

/**
 * The one rule for who sees a working group, as a Prisma filter so lists, search and lookups
 * by id all use it: platform admins see all; a network's coordinators see all of its groups;
 * members of an organisation see the network-wide groups of their network and the groups
 * their organisation was chosen for. Everything else in a group (threads, posts, documents)
 * is reached through its group, so this filter scopes them too.
 */
export function visibleWhere(actor: Actor): Prisma.WorkingGroupWhereInput {
  if (actor.isPlatformAdmin) return {};
  const coordinatedNetworks = networksHolding(actor, 'collaboration.moderate');
  const organisationIds = [...actor.organisations.keys()];
  const memberNetworks = [...new Set([...actor.organisations.values()].map((o) => o.networkId))];
  return {
    OR: [
      { networkId: { in: coordinatedNetworks } },
      { audience: 'NETWORK', networkId: { in: memberNetworks } },
      { audience: 'ORGANISATIONS', organisations: { some: { organisationId: { in: organisationIds } } } },
    ],
  };
}

/** Moderators: the group's own coordinators, the network's coordinators, platform admins. */
export function canModerate(actor: Actor, group: { networkId: string; coordinatorIds: string[] }): boolean {
  if (actor.isPlatformAdmin) return true;
  if (holdsInNetwork(actor, 'collaboration.moderate', group.networkId)) return true;
  return group.coordinatorIds.includes(actor.userId);
}
