import { ledOrganisationId, type Session } from '../../lib/session';

/** Keys under `common:nav.*` for the entries, and under `common:nav.groups.*` for the groups. */
export type NavigationEntryKey =
  | 'home'
  | 'profile'
  | 'learning'
  | 'downloads'
  | 'library'
  | 'certificates'
  | 'teamLearning'
  | 'signOffs'
  | 'courseAuthoring'
  | 'directory'
  | 'meetings'
  | 'collaboration'
  | 'singleSignOn'
  | 'messageBudget'
  | 'reportTargets'
  | 'reports'
  | 'myOrganisation'
  | 'accreditation'
  | 'activity'
  | 'adminNetworks'
  | 'adminOrganisations'
  | 'adminAccounts'
  | 'adminJobs';

export type NavigationGroupKey = 'training' | 'network' | 'organisation' | 'administration';

export interface NavigationEntry {
  key: NavigationEntryKey;
  to: string;
  /** Only the exact path marks it current (Home would otherwise be current everywhere). */
  end?: boolean;
  /** Not current under this path, which has its own entry (Learning vs. Learning › Downloads). */
  notUnder?: string;
}

export interface NavigationGroup {
  /** null: the first, unnamed group (Home and one's profile). */
  key: NavigationGroupKey | null;
  entries: NavigationEntry[];
}

interface Candidate extends NavigationEntry {
  visible?: (session: Session) => boolean;
}

const can = (permission: Session['permissions'][number]) => (session: Session) => session.permissions.includes(permission);

const GROUPS: { key: NavigationGroupKey | null; entries: Candidate[] }[] = [
  {
    key: null,
    entries: [
      { key: 'home', to: '/', end: true },
      { key: 'profile', to: '/profile' },
    ],
  },
  {
    key: 'training',
    entries: [
      { key: 'learning', to: '/learning', notUnder: '/learning/downloads' },
      // Saved courses open from here offline, when the rest of Learning cannot load.
      { key: 'downloads', to: '/learning/downloads' },
      { key: 'library', to: '/library' },
      { key: 'certificates', to: '/certificates' },
      { key: 'teamLearning', to: '/team-learning', visible: can('courses.progress') },
      { key: 'signOffs', to: '/sign-offs', visible: can('courses.assess') },
      { key: 'courseAuthoring', to: '/course-authoring', visible: can('courses.manage') },
    ],
  },
  {
    key: 'network',
    entries: [
      { key: 'directory', to: '/directory' },
      { key: 'meetings', to: '/meetings' },
      { key: 'collaboration', to: '/collaboration' },
      { key: 'singleSignOn', to: '/network/sign-in-providers', visible: can('network.manage') },
      { key: 'messageBudget', to: '/network/message-budget', visible: can('network.manage') },
      { key: 'reports', to: '/reports', visible: can('reports.read') },
      { key: 'reportTargets', to: '/network/targets', visible: can('reports.manageTargets') },
    ],
  },
  {
    key: 'organisation',
    entries: [
      { key: 'myOrganisation', to: '/organisation', visible: (session) => ledOrganisationId(session) !== null },
      { key: 'accreditation', to: '/accreditation', visible: can('accreditation.selfAssess') },
      { key: 'activity', to: '/activity', visible: can('audit.read') },
    ],
  },
  {
    // Platform administration: these permissions belong to platform admins only.
    key: 'administration',
    entries: [
      { key: 'adminNetworks', to: '/admin/networks', visible: can('networks.create') },
      { key: 'adminOrganisations', to: '/admin/organisations/new', visible: can('networks.create') },
      { key: 'adminAccounts', to: '/admin/accounts', visible: can('accounts.disable') },
      { key: 'adminJobs', to: '/admin/jobs', visible: can('jobs.manage') },
    ],
  },
];

/**
 * The main navigation this person may use, grouped. Entries their role cannot use are left out
 * (the API would refuse them anyway), and a group left empty is dropped with its heading.
 */
export function navigationFor(session: Session): NavigationGroup[] {
  return GROUPS.map((group) => ({
    key: group.key,
    entries: group.entries
      .filter((entry) => entry.visible?.(session) ?? true)
      .map(({ key, to, end, notUnder }) => ({ key, to, ...(end ? { end } : {}), ...(notUnder ? { notUnder } : {}) })),
  })).filter((group) => group.entries.length > 0);
}
