import { ASSIGNABLE_ROLES, ORGANISATION_ROLES, ROLES, roleHas, type OrganisationRole, type Permission, type Role } from '@tadamon/shared';
import type { Actor } from './actor.js';

/**
 * The only file of the API that names roles. Who may see or do what is asked of the permission
 * map in packages/shared (`holdsInOrganisation`, `networksHolding`, …), never of a role name, so
 * that the map stays the one table a reader audits. The few facts that are about a role as
 * such — whom a network-wide mail goes to, who must keep an organisation going, who needs a
 * second factor — are named here once. `test/architecture-rules.spec.ts` fails the build when a
 * role name is written anywhere else in apps/api/src.
 */

/** The role a person signed up by a leader (or accepted without a role) starts with. */
export const VOLUNTEER_ROLE: OrganisationRole = 'VOLUNTEER';

/** The organisation role that speaks for an organisation: its mails, its signatures, "keep a leader". */
export const LEADER_ROLES: OrganisationRole[] = ['ORG_LEADER'];

/** The network role: stewards of a network, mailed about what needs a reviewer there. */
export const COORDINATOR_ROLES: Role[] = ['COORDINATOR'];

/** Roles whose sign-in needs a second factor (coordinators; platform admins are a flag on the user). */
export const SECOND_FACTOR_NETWORK_ROLES: Role[] = ['COORDINATOR'];

export const isLeaderRole = (role: Role): boolean => (LEADER_ROLES as Role[]).includes(role);
export const isOrganisationRole = (role: Role): role is OrganisationRole => (ORGANISATION_ROLES as readonly Role[]).includes(role);
export const isVolunteerRole = (role: Role): boolean => role === VOLUNTEER_ROLE;
/** Held across a network rather than in an organisation (invitations name a network for it). */
export const isNetworkRole = (role: Role): boolean => COORDINATOR_ROLES.includes(role);

/** Roles that hold `permission`, for Prisma filters on memberships (`role: { in: … }`). */
export function rolesHolding(permission: Permission): Role[] {
  return ROLES.filter((role) => roleHas(role, permission));
}

/** The actor's own role in this organisation holds `permission` (not their network role). */
export function holdsInOrganisation(actor: Actor, permission: Permission, organisationId: string | null | undefined): boolean {
  if (!organisationId) return false;
  const membership = actor.organisations.get(organisationId);
  return !!membership && roleHas(membership.role, permission);
}

/** The actor's network role in this network holds `permission` (platform admins aside). */
export function holdsInNetwork(actor: Actor, permission: Permission, networkId: string): boolean {
  const network = actor.networks.get(networkId);
  return !!network && roleHas(network.role, permission);
}

/** Organisations where the actor's own role holds `permission`. */
export function organisationsHolding(actor: Actor, permission: Permission): string[] {
  return [...actor.organisations].filter(([, m]) => roleHas(m.role, permission)).map(([id]) => id);
}

/** Networks where the actor's network role holds `permission`. */
export function networksHolding(actor: Actor, permission: Permission): string[] {
  return [...actor.networks].filter(([, n]) => roleHas(n.role, permission)).map(([id]) => id);
}

const RANK: Record<Role, number> = { VOLUNTEER: 0, ORG_LEADER: 1, COORDINATOR: 2, PLATFORM_ADMIN: 3 };

export function primaryRoleOf(actor: Actor): Role {
  let best: Role = VOLUNTEER_ROLE;
  for (const role of rolesOf(actor)) if (RANK[role] > RANK[best]) best = role;
  return best;
}

export function rolesOf(actor: Actor): Role[] {
  const roles = new Set<Role>();
  if (actor.isPlatformAdmin) roles.add('PLATFORM_ADMIN');
  actor.networks.forEach((n) => roles.add(n.role));
  actor.organisations.forEach((o) => roles.add(o.role));
  return [...roles];
}

/** The roles the actor holds where an invitation or role change would apply. */
export function rolesHeldIn(actor: Actor, scope: { organisationId: string | null; networkId: string }): Role[] {
  const held: Role[] = [];
  if (actor.isPlatformAdmin) held.push('PLATFORM_ADMIN');
  const networkRole = actor.networks.get(scope.networkId)?.role;
  if (networkRole) held.push(networkRole);
  const organisationRole = scope.organisationId ? actor.organisations.get(scope.organisationId)?.role : undefined;
  if (organisationRole) held.push(organisationRole);
  return held;
}

/** May someone holding `held` hand out `role` (ASSIGNABLE_ROLES of the permission map)? */
export const mayAssign = (held: Role[], role: Role): boolean => held.some((r) => ASSIGNABLE_ROLES[r].includes(role));
