/**
 * Who may do what: one table a reader can audit.
 *
 * Roles hold in a scope. VOLUNTEER and ORG_LEADER hold in one organisation, COORDINATOR
 * holds across one network, PLATFORM_ADMIN holds everywhere. A permission granted here
 * is still checked against the object's scope by `requireAccess` in the API: a leader
 * may manage members, but only of the organisation they lead.
 */
export const ROLES = ['VOLUNTEER', 'ORG_LEADER', 'COORDINATOR', 'PLATFORM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_ROLES = ['VOLUNTEER', 'ORG_LEADER'] as const satisfies readonly Role[];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const PERMISSIONS = [
  'profile.manage', // one's own name, language, time zone, password, sessions
  'directory.read', // organisations of one's networks and their contact pages
  'organisation.read',
  'organisation.update',
  'organisation.create',
  'members.read',
  'members.inviteVolunteer',
  'members.inviteLeader',
  'members.changeRole',
  'members.remove',
  'audit.read',
  'network.manage',
  'accounts.disable',
  'jobs.manage', // the dead-letter list of background jobs
  'certificates.issue', // assessors: leaders for their organisation, coordinators for their network
  'certificates.manageTypes',
  'certificates.revoke',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VOLUNTEER: readonly Permission[] = ['profile.manage', 'directory.read', 'organisation.read'];

const ORG_LEADER: readonly Permission[] = [
  ...VOLUNTEER,
  'organisation.update',
  'members.read',
  'members.inviteVolunteer',
  'members.changeRole',
  'members.remove',
  'audit.read',
  'certificates.issue',
];

const COORDINATOR: readonly Permission[] = [
  ...ORG_LEADER,
  'organisation.create',
  'members.inviteLeader',
  'network.manage',
  'certificates.manageTypes',
  'certificates.revoke',
];

const PLATFORM_ADMIN: readonly Permission[] = [...COORDINATOR, 'accounts.disable', 'jobs.manage'];

export const PERMISSIONS_BY_ROLE: Record<Role, readonly Permission[]> = {
  VOLUNTEER,
  ORG_LEADER,
  COORDINATOR,
  PLATFORM_ADMIN,
};

export function roleHas(role: Role, permission: Permission): boolean {
  return PERMISSIONS_BY_ROLE[role].includes(permission);
}

/** Roles a person holding `role` may hand out through an invitation or a role change. */
export const ASSIGNABLE_ROLES: Record<Role, readonly Role[]> = {
  VOLUNTEER: [],
  ORG_LEADER: ['VOLUNTEER', 'ORG_LEADER'],
  COORDINATOR: ['VOLUNTEER', 'ORG_LEADER', 'COORDINATOR'],
  PLATFORM_ADMIN: ['VOLUNTEER', 'ORG_LEADER', 'COORDINATOR'],
};
