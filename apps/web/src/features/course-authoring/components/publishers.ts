import type { SessionResponse } from '@tadamon/shared';

export interface Publisher {
  value: string;
  label: string;
  networkId: string;
  organisationId: string | null;
}

/** Where this person may author: each organisation they lead, and each network they coordinate. */
export function publishersOf(session: SessionResponse): Publisher[] {
  const fromNetworks = session.networkRoles
    .filter((role) => role.role === 'COORDINATOR')
    .map((role) => ({ value: `network:${role.networkId}`, label: role.networkName, networkId: role.networkId, organisationId: null }));
  const fromOrganisations = session.memberships
    .filter((m) => m.role === 'ORG_LEADER')
    .map((m) => ({ value: `org:${m.organisationId}`, label: m.organisationName, networkId: m.networkId, organisationId: m.organisationId }));
  return [...fromNetworks, ...fromOrganisations];
}
