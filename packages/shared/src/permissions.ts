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
  'network.manage', // name, languages and time zone of a network (coordinators: theirs)
  'networks.create', // platform admins: start a new network
  'accounts.disable',
  'jobs.manage', // the dead-letter list of background jobs
  'meetings.read', // meetings one's organisation hosts or is invited to; register for them
  'meetings.respond', // accept or decline for one's organisation, name delegates, see who comes
  'meetings.manage', // create, edit and cancel meetings hosted by one's organisation
  'materials.read', // the library one may see: own organisation, network, public
  'materials.manage', // upload and edit material (leaders: their organisation; coordinators: the network)
  'materials.manageTopics', // custom topics of a network
  'collaboration.participate', // see working groups open to one, follow them, post in threads
  'collaboration.createGroup', // start a working group (becomes its coordinator)
  'collaboration.moderate', // coordinators: see every working group of their network and moderate it
  'documents.edit', // draft joint documents for one's organisation and change their status
  'documents.sign', // sign or decline on behalf of one's organisation
  'campaigns.manage', // start and steer campaigns for one's organisation; join or leave them for it
  'certificates.issue', // assessors: leaders for their organisation, coordinators for their network
  'certificates.manageTypes',
  'certificates.revoke',
  'courses.learn', // the course catalogue one may see: enrol, learn, take quizzes, "My learning"
  'courses.manage', // author courses and learning paths (leaders: their organisation; coordinators: the network)
  'courses.assign', // assign courses to members with a due date, run cohorts
  'courses.assess', // sign off practical lessons (leaders: their members; coordinators: the network)
  'courses.progress', // follow learners' progress (leaders: their organisation; coordinators: the network)
  'accreditation.selfAssess', // leaders: their organisation's self-assessments
  'accreditation.review', // coordinators: frameworks of their network and reviews of its organisations
  'members.confirmErasure', // confirm a member's request to erase their account (leaders: their organisation; coordinators: the network)
  'reports.read', // reports and targets (leaders: their organisation's report and their network's targets; coordinators: the network)
  'reports.manageTargets', // coordinators: set, change and remove their network's targets
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VOLUNTEER: readonly Permission[] = [
  'profile.manage',
  'directory.read',
  'organisation.read',
  'meetings.read',
  'materials.read',
  'collaboration.participate',
  'courses.learn',
];

const ORG_LEADER: readonly Permission[] = [
  ...VOLUNTEER,
  'organisation.update',
  'members.read',
  'members.inviteVolunteer',
  'members.changeRole',
  'members.remove',
  'audit.read',
  'meetings.respond',
  'meetings.manage',
  'materials.manage',
  'collaboration.createGroup',
  'documents.edit',
  'documents.sign',
  'campaigns.manage',
  'certificates.issue',
  'courses.manage',
  'courses.assign',
  'courses.assess',
  'courses.progress',
  'accreditation.selfAssess',
  'members.confirmErasure',
  'reports.read',
];

const COORDINATOR: readonly Permission[] = [
  ...ORG_LEADER,
  'organisation.create',
  'members.inviteLeader',
  'network.manage',
  'materials.manageTopics',
  'collaboration.moderate',
  'certificates.manageTypes',
  'certificates.revoke',
  'accreditation.review',
  'reports.manageTargets',
];

const PLATFORM_ADMIN: readonly Permission[] = [...COORDINATOR, 'networks.create', 'accounts.disable', 'jobs.manage'];

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
