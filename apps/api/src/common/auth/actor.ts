import type { OrganisationRole, Role } from '@tadamon/shared';

/** The signed-in person behind a request, with every role they hold and where. */
export interface Actor {
  userId: string;
  sessionId: string;
  sessionTokenHash: string;
  /** Null for people signed up with a phone number or a username only. */
  email: string | null;
  phone: string | null;
  username: string | null;
  /** Signed in with "this is a shared phone": 15 minutes idle end the session. */
  sharedDevice: boolean;
  name: string;
  preferredLanguage: string;
  timeZone: string;
  isPlatformAdmin: boolean;
  /** Set while the session still owes a second factor; such an actor reaches only those routes. */
  secondFactor?: 'VERIFY' | 'ENROL' | null;
  /** organisationId → role and the organisation's network. */
  organisations: Map<string, { role: OrganisationRole; networkId: string; name: string; networkName: string }>;
  /** networkId → network-level role (COORDINATOR). */
  networks: Map<string, { role: Role; name: string }>;
}

/** Every network the actor belongs to, through an organisation or a network role. */
export function networkIdsOf(actor: Actor): string[] {
  const ids = new Set(actor.networks.keys());
  for (const org of actor.organisations.values()) ids.add(org.networkId);
  return [...ids];
}
